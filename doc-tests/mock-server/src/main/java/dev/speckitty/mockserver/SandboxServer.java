package dev.speckitty.mockserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spec-kitty-sandbox}: the mock team server for readers who have no team server yet. It
 * prints the URL, the demo login and the dashboard address, and runs until Ctrl-C. What readers do
 * with it (their sessions, the events they push) is kept in a folder across restarts.
 */
@Command(
    name = "spec-kitty-sandbox",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a local Spec Kitty team server (a mock with the real API) on 127.0.0.1.",
      "Point spec-kitty at the printed URL to follow the tutorials without a team server.",
      "Sessions and pushed events are kept in a folder (~/.spec-kitty-sandbox unless --state-dir"
          + " names another), so a restart does not log you out; --fresh starts empty."
    })
public final class SandboxServer implements Callable<Integer> {
  /** The port the sandbox uses unless told otherwise. */
  public static final int DEFAULT_PORT = 8765;

  @Option(
      names = {"-p", "--port"},
      description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = DEFAULT_PORT;

  @Option(
      names = "--scenario",
      paramLabel = "<name>",
      description = "Start in a named scenario (default normal; all are listed below).")
  String scenario = "normal";

  @Option(
      names = "--state-dir",
      paramLabel = "<folder>",
      description =
          "Folder that keeps sessions and pushed events across restarts (default"
              + " ~/.spec-kitty-sandbox; never the CLI's own ~/.spec-kitty).")
  Path stateDir;

  @Option(
      names = "--fresh",
      description = "Start empty: forget the sessions and events kept in the state folder.")
  boolean fresh;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command with its help, which lists every scenario with its one-line description. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new SandboxServer());
    int width = 0;
    for (Scenario s : Scenario.values()) {
      width = Math.max(width, s.id().length());
    }
    StringBuilder scenarios = new StringBuilder();
    for (Scenario s : Scenario.values()) {
      scenarios.append(String.format("  %-" + width + "s  %s%n", s.id(), s.description()));
    }
    cl.getCommandSpec().usageMessage().footerHeading("%nScenarios (--scenario <name>)%n");
    // One line per scenario however narrow the help: picocli would wrap a footer.
    cl.getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help -> scenarios.toString());
    return cl;
  }

  @Override
  public Integer call() throws InterruptedException {
    Optional<Scenario> chosen = Scenario.byId(scenario);
    if (chosen.isEmpty()) {
      System.err.println("❌ Unknown scenario '" + scenario + "'. Known scenarios:");
      for (Scenario s : Scenario.values()) {
        System.err.println("   " + s.id() + " — " + s.description());
      }
      return 2;
    }
    String home = System.getenv().getOrDefault("HOME", System.getProperty("user.home"));
    Path dir =
        (stateDir != null ? stateDir : SandboxState.defaultDir(System.getenv()))
            .toAbsolutePath()
            .normalize();
    if (dir.equals(Path.of(home).toAbsolutePath().normalize().resolve(".spec-kitty"))) {
      System.err.println("❌ " + dir + " is the spec-kitty CLI's own folder.");
      System.err.println(
          "   Keep the sandbox's state elsewhere, e.g. --state-dir ~/.spec-kitty-sandbox.");
      return 2;
    }
    SandboxState kept;
    Optional<JsonNode> saved;
    try {
      kept = SandboxState.open(dir);
      if (fresh) {
        kept.forget();
      }
      saved = kept.saved(System.err::println);
    } catch (SandboxState.InUse e) {
      System.err.println("❌ Another sandbox keeps its state in " + dir + ".");
      System.err.println("   Stop it first, or give this one its own folder with --state-dir.");
      return 1;
    } catch (IOException e) {
      System.err.println("❌ Cannot keep the sandbox's state in " + dir + " (" + e + ").");
      System.err.println("   Choose another folder with --state-dir.");
      return 1;
    }
    MockTeamServer server;
    try {
      server = MockTeamServer.start(port, Optional.empty(), saved);
    } catch (RuntimeException e) {
      kept.close();
      System.err.println("❌ Cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ").");
      System.err.println("   Is a sandbox already running? Choose another port with --port.");
      return 1;
    }
    kept.keep(server.state());
    server.use(chosen.get());
    Fixtures.User demo = Fixtures.demoUser();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  kept.close();
                  stopped.countDown();
                }));
    System.out.println("Spec Kitty sandbox server running at " + server.baseUrl());
    System.out.println("  Demo login: " + demo.username() + " / " + demo.password());
    System.out.println(
        "  Dashboard:  " + server.baseUrl() + "/a/" + server.team() + "/dashboards/");
    System.out.println("  Scenario:   " + chosen.get().id() + " — " + chosen.get().description());
    System.out.println(
        "  State:      "
            + tilde(dir, home)
            + (saved.isPresent() ? " (kept from the last run" : " (kept across restarts")
            + "; --fresh starts empty)");
    System.out.println(
        "Use it in ~/.spec-kitty/config.toml:  [server]  url = \"" + server.baseUrl() + "\"");
    System.out.println("Press Ctrl-C to stop.");
    System.out.flush();
    stopped.await();
    return 0;
  }

  private static String tilde(Path dir, String home) {
    Path h = Path.of(home).toAbsolutePath().normalize();
    return dir.startsWith(h) && !dir.equals(h) ? "~/" + h.relativize(dir) : dir.toString();
  }
}
