package dev.doctest.run;

import dev.doctest.config.DocTestConfig;
import dev.doctest.config.Placeholders;
import dev.doctest.config.Variables;
import dev.doctest.world.Network;
import dev.doctest.world.World;
import dev.doctest.world.WorldInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where one page runs: its workspace, its world instance, and the values (placeholders, prompts'
 * secrets) that map what the page shows to what runs.
 */
public final class Stage implements AutoCloseable {
  private final Workspace workspace;
  private final WorldInstance world;
  private final String normalState;
  private final Variables variables;
  private final Placeholders placeholders;
  private Browser.Session browser; // started by the page's first browser step

  private Stage(DocTestConfig config, Workspace workspace, WorldInstance world, String normal) {
    this.workspace = workspace;
    this.world = world;
    this.normalState = normal;
    Map<String, String> values = new LinkedHashMap<>(world.variables());
    values.put("home", workspace.seenHome().toString());
    this.variables = new Variables(values);
    this.placeholders = new Placeholders(config.placeholders(), variables);
  }

  /**
   * A stage for one page: a fresh workspace and world instance, or copies of {@code from} (the end
   * state of the page it continues).
   */
  public static Stage open(
      DocTestConfig config,
      RunSettings settings,
      Confinement confinement,
      World world,
      Optional<Snapshot> from) {
    return open(config, settings, confinement, world, from, Network.loopback());
  }

  /**
   * A stage holding {@code kept} (a state kept from an earlier run), its world listening where the
   * kept one did if it can (else anywhere: {@link #misfit} then tells).
   */
  public static Stage whereKept(
      DocTestConfig config,
      RunSettings settings,
      Confinement confinement,
      World world,
      Snapshot kept) {
    try {
      return open(config, settings, confinement, world, Optional.of(kept), kept.network());
    } catch (RuntimeException taken) {
      // the port is in use: a stage elsewhere, which misfit() will tell
      return open(config, settings, confinement, world, Optional.of(kept));
    }
  }

  private static Stage open(
      DocTestConfig config,
      RunSettings settings,
      Confinement confinement,
      World world,
      Optional<Snapshot> from,
      Network network) {
    Workspace workspace = new Workspace(settings, confinement, config.checkedVariables());
    try {
      WorldInstance instance = world.start(network, from.map(Snapshot::world));
      from.ifPresent(s -> workspace.restore(s.dir()));
      return new Stage(config, workspace, instance, world.states().get(0).name());
    } catch (RuntimeException e) {
      workspace.close();
      throw e;
    }
  }

  /**
   * Why {@code state}, restored here, does not read as it did where it was made: a file of it names
   * a value that differs on this stage (the world's URL, on another port); empty if none.
   */
  public Optional<String> misfit(Snapshot state) {
    Map<String, String> changed =
        new LinkedHashMap<>(); // name -> the value the state was made with
    variables
        .values()
        .forEach(
            (name, now) -> {
              String old = state.variables().get(name);
              if (old != null && !old.equals(now)) {
                changed.put(name, old);
              }
            });
    Set<String> held = changed.isEmpty() ? Set.of() : state.mentioned(changed.values());
    return changed.entrySet().stream()
        .filter(c -> held.contains(c.getValue()))
        .findFirst()
        .map(
            c ->
                "its files hold "
                    + c.getValue()
                    + " (${"
                    + c.getKey()
                    + "}), now "
                    + variables.values().get(c.getKey()));
  }

  public Workspace workspace() {
    return workspace;
  }

  public WorldInstance world() {
    return world;
  }

  public Variables variables() {
    return variables;
  }

  public Placeholders placeholders() {
    return placeholders;
  }

  /** The page's browser, started at its first browser step. */
  Browser.Session browser(Browser chromium) {
    if (browser == null) {
      browser = chromium.open();
    }
    return browser;
  }

  /** Puts the world in {@code state}; {@link #normal()} goes back. */
  void enter(String state) {
    world.enter(state);
  }

  void normal() {
    world.enter(normalState);
  }

  /** This stage's state now, to go back to or to start another page from. */
  public Snapshot snapshot() {
    try {
      Snapshot s =
          new Snapshot(
              Files.createTempDirectory("doctest-snapshot-"),
              world.save(),
              world.network(),
              variables.values());
      workspace.saveTo(s.dir());
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Goes back to {@code snapshot}: files, shell state and world. */
  public void restore(Snapshot snapshot) {
    workspace.restore(snapshot.dir());
    world.restore(snapshot.world());
  }

  @Override
  public void close() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      try {
        world.close();
      } finally {
        workspace.close();
      }
    }
  }
}
