package dev.doctest.cli;

import dev.doctest.DocTests;
import dev.doctest.model.DocumentSpec;
import dev.doctest.model.Expected;
import dev.doctest.model.Step;
import dev.doctest.report.Fingerprint;
import dev.doctest.run.Checkpoints;
import dev.doctest.run.FileTrees;
import dev.doctest.run.Snapshot;
import dev.doctest.run.Stage;
import dev.doctest.world.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Page states kept between runs of the writers' loop: each page's end, and the state before each
 * step. A state is offered again only while everything that made it is unchanged — the tool's
 * build, the engine, the config, the pages it continues and the steps before it (not the lines
 * after: a writer fixing step 7 keeps the state before it) — and for half an hour at most, as the
 * world's clock moves on (a token issued longer ago shows fewer hours left).
 */
final class StateCache implements Checkpoints {
  /** How long a kept state may be used. */
  static final Duration MAX_AGE = Duration.ofMinutes(30);

  private final Path dir;
  private final String base;
  private final Consumer<String> say;

  /**
   * @param dir where states are kept
   * @param engine the run they are for (its tool, config and world make part of every key)
   * @param say where to tell the writer that a kept state could not be used
   */
  StateCache(Path dir, DocTests engine, Consumer<String> say) {
    this.dir = dir;
    this.say = say;
    this.base =
        engine.toolFingerprint()
            + "\n"
            + Fingerprint.ofCodeOf(DocTests.class)
            + "\n"
            + Fingerprint.of(engine.config().root().resolve("doctest.toml"))
            + "\n"
            + engine.world().getClass().getName();
    forgetOld();
  }

  private void forgetOld() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path e : entries.toList()) {
        if (!fresh(e)) {
          delete(e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The key of a page's end: the page and every page it continues, byte for byte. */
  private String endKey(List<Path> pageAndChain) {
    StringBuilder text = new StringBuilder(base).append("\nend");
    for (Path p : pageAndChain) {
      text.append('\n').append(Fingerprint.of(p));
    }
    return Fingerprint.ofText(text.toString());
  }

  /** The key of the state before step {@code index}: what runs before it, not where it stands. */
  private String beforeKey(DocumentSpec spec, List<Path> chain, int index) {
    StringBuilder text = new StringBuilder(base).append("\nbefore\n");
    for (Path p : chain) {
      text.append(Fingerprint.of(p)).append('\n');
    }
    spec.fixture().ifPresent(f -> text.append("fixture ").append(f).append('\n'));
    for (Step step : spec.steps().subList(0, index)) {
      text.append(describe(step)).append('\n');
    }
    return Fingerprint.ofText(text.toString());
  }

  private static String describe(Step step) {
    StringBuilder s = new StringBuilder(step.getClass().getSimpleName());
    for (Step.Shown b : step.shown()) {
      s.append('|').append(b.role()).append(':').append(b.text());
    }
    if (step instanceof Step.Command c) {
      s.append('|').append(c.script()).append('|').append(c.options());
      c.expected().ifPresent(e -> s.append('|').append(expected(e)));
    } else if (step instanceof Step.Interactive i) {
      s.append('|').append(i.options()).append('|').append(expected(i.transcript()));
    } else if (step instanceof Step.WriteFile w) {
      s.append('|').append(w.path()).append('|').append(w.isolated() ? "isolated" : "kept");
    }
    return s.toString();
  }

  private static String expected(Expected e) {
    return e.mode() + " " + e.varying();
  }

  /** Whether a usable state is kept before step {@code index} of {@code spec}. */
  boolean hasBefore(DocumentSpec spec, List<Path> chain, int index) {
    Path entry = dir.resolve(beforeKey(spec, chain, index));
    try {
      network(entry);
      return fresh(entry);
    } catch (IOException | RuntimeException unreadable) {
      return false;
    }
  }

  private static Network network(Path entry) throws IOException {
    Properties network = load(entry.resolve("network"));
    return new Network(
        network.getProperty("bindAddress"), Integer.parseInt(network.getProperty("port")));
  }

  @Override
  public Optional<Snapshot> start(DocumentSpec spec, List<Path> chain, int firstStep) {
    if (firstStep > 0) {
      return kept(dir.resolve(beforeKey(spec, chain, firstStep)));
    }
    return chain.isEmpty() ? Optional.empty() : kept(dir.resolve(endKey(chain)));
  }

  @Override
  public void unusable(DocumentSpec spec, int firstStep, String why) {
    say.accept(
        "  The state kept "
            + (firstStep > 0
                ? "before line " + spec.steps().get(firstStep).location().line()
                : "at the end of the pages " + spec.location().shown() + " continues")
            + " does not fit this run ("
            + why
            + "): running the page from its start.");
  }

  @Override
  public void before(DocumentSpec spec, List<Path> chain, int index, Step step, Stage stage) {
    keep(dir.resolve(beforeKey(spec, chain, index)), stage);
  }

  @Override
  public void ended(DocumentSpec spec, List<Path> chain, Stage stage) {
    List<Path> pageAndChain = new java.util.ArrayList<>();
    pageAndChain.add(spec.file());
    pageAndChain.addAll(chain);
    keep(dir.resolve(endKey(pageAndChain)), stage);
  }

  private static void keep(Path entry, Stage stage) {
    try (Snapshot s = stage.snapshot()) {
      // Each writer its own folder: two pages that start alike (the same fixture) keep the same
      // state at once, and either copy will do.
      Files.createDirectories(entry.getParent());
      Path fresh = Files.createTempDirectory(entry.getParent(), entry.getFileName() + ".new-");
      copy(s.dir(), fresh.resolve("workspace"));
      Files.write(fresh.resolve("world"), s.world());
      Properties network = new Properties();
      network.setProperty("bindAddress", s.network().bindAddress());
      network.setProperty("port", Integer.toString(s.network().port()));
      store(network, fresh.resolve("network"));
      // Only the values its files hold: all that a later run checks.
      Properties variables = new Properties();
      Set<String> held = s.mentioned(s.variables().values());
      s.variables()
          .forEach(
              (name, value) -> {
                if (held.contains(value)) {
                  variables.setProperty(name, value);
                }
              });
      store(variables, fresh.resolve("variables"));
      Files.writeString(fresh.resolve("kept-at"), Instant.now().toString());
      try {
        delete(entry);
        Files.move(fresh, entry);
      } catch (IOException | UncheckedIOException another) {
        delete(fresh); // another writer is keeping the same state: its copy will do
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Snapshot> kept(Path entry) {
    if (!fresh(entry)) {
      return Optional.empty();
    }
    try {
      Map<String, String> variables = new HashMap<>();
      load(entry.resolve("variables")).forEach((k, v) -> variables.put((String) k, (String) v));
      return Optional.of(
          new KeptSnapshot(
                  entry.resolve("workspace"),
                  Files.readAllBytes(entry.resolve("world")),
                  network(entry),
                  Map.copyOf(variables))
              .snapshot());
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private static boolean fresh(Path entry) {
    try {
      Path at = entry.resolve("kept-at");
      return Files.isRegularFile(at)
          && Instant.parse(Files.readString(at).strip()).plus(MAX_AGE).isAfter(Instant.now());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** A kept state, copied so that the run may use (and delete) its copy. */
  private record KeptSnapshot(
      Path workspace, byte[] world, Network network, Map<String, String> variables) {
    Snapshot snapshot() throws IOException {
      Path copy = Files.createTempDirectory("doctest-kept-");
      copy(workspace, copy);
      return new Snapshot(copy, world, network, variables);
    }
  }

  private static void store(Properties p, Path file) throws IOException {
    try (var out = Files.newOutputStream(file)) {
      p.store(out, null);
    }
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newInputStream(file)) {
      p.load(in);
    }
    return p;
  }

  private static void copy(Path from, Path to) throws IOException {
    try {
      FileTrees.copy(from, to);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (java.nio.file.NoSuchFileException gone) {
      // deleted meanwhile by another run keeping the same state
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
