package dev.speckitty.mockserver;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spec-kitty-sandbox}: the mock team server for readers who have no team server yet. It
 * prints the URL, the demo login and the dashboard address, and runs until Ctrl-C.
 */
@Command(
    name = "spec-kitty-sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a local Spec Kitty team server (a mock with the real API) on 127.0.0.1.",
      "Point spec-kitty at the printed URL to follow the tutorials without a team server."
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
      description = "Start in a named scenario, e.g. teammates or rejected-event (default normal).")
  String scenario = "normal";

  public static void main(String[] args) {
    System.exit(new CommandLine(new SandboxServer()).execute(args));
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
    MockTeamServer server;
    try {
      server = MockTeamServer.start(port, Optional.empty());
    } catch (RuntimeException e) {
      System.err.println("❌ Cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ").");
      System.err.println("   Is a sandbox already running? Choose another port with --port.");
      return 1;
    }
    server.use(chosen.get());
    Fixtures.User demo = Fixtures.demoUser();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    System.out.println("Spec Kitty sandbox server running at " + server.baseUrl());
    System.out.println("  Demo login: " + demo.username() + " / " + demo.password());
    System.out.println(
        "  Dashboard:  " + server.baseUrl() + "/a/" + server.team() + "/dashboards/");
    System.out.println("  Scenario:   " + chosen.get().id() + " — " + chosen.get().description());
    System.out.println(
        "Use it in ~/.spec-kitty/config.toml:  [server]  url = \"" + server.baseUrl() + "\"");
    System.out.println("Press Ctrl-C to stop.");
    System.out.flush();
    stopped.await();
    return 0;
  }
}
