package dev.speckitty.docs;

import dev.speckitty.mockserver.Fixtures;
import dev.speckitty.mockserver.MockTeamServer;
import dev.speckitty.mockserver.Scenario;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words the fault matrix ({@link FaultMatrixIT}) is written in: a {@link Row} names a fault,
 * how the server misbehaves ({@link Fault}), the {@link Command} that runs into it, and what the
 * reader should see.
 */
final class FaultMatrix {
  private FaultMatrix() {}

  /** The server works. */
  static final Fault NORMAL = new Fault("nothing: the server works", s -> {}, s -> Map.of());

  /** What a row runs. */
  enum Command {
    SYNC("sync", "now"),
    CHECK("sync", "status", "--check"),
    LOGIN("auth", "login", "-f", "--username", Fixtures.demoUser().username(), "--password-stdin");

    private final String[] args;

    Command(String... args) {
      this.args = args;
    }

    PackagedCli.Run run(PackagedCli cli) throws IOException, InterruptedException {
      return this == LOGIN
          ? cli.runWithStdin(Fixtures.demoUser().password() + "\n", args)
          : cli.run(args);
    }

    /**
     * What the run said, as many lines as {@code expected} has: for {@code --check} its Connection
     * row; for a failure, standard error; for a success, its first ⚠ or ✅ line on.
     */
    String message(PackagedCli.Run run, int lines) {
      Stream<String> said;
      if (this == CHECK) {
        said =
            run.out()
                .lines()
                .filter(l -> l.startsWith("Connection"))
                .map(l -> l.replaceFirst("^Connection +", ""));
      } else if (!run.err().isEmpty()) {
        said = run.err().lines();
      } else {
        said = run.out().lines().dropWhile(l -> !l.startsWith("⚠") && !l.startsWith("✅"));
      }
      return said.limit(lines).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
      return "spec-kitty "
          + String.join(" ", List.of(args).subList(0, this == LOGIN ? 3 : args.length));
    }
  }

  /** How the server misbehaves for one run, and what else that run's environment sets. */
  record Fault(
      String how,
      Consumer<MockTeamServer> install,
      Function<MockTeamServer, Map<String, String>> env) {}

  static Fault scenario(Scenario s) {
    return new Fault(
        "scenario " + s.id() + ": " + s.description(), server -> server.use(s), server -> Map.of());
  }

  static Fault stub(String... mappings) {
    return new Fault(
        String.join("\n", mappings),
        server -> List.of(mappings).forEach(server::addStub),
        server -> Map.of());
  }

  static Fault httpsUrl() {
    return new Fault(
        "none; the CLI is pointed at https:// on the plain-HTTP port",
        server -> {},
        server -> Map.of("SPEC_KITTY_SERVER_URL", "https://127.0.0.1:" + server.port()));
  }

  /**
   * One row of the matrix.
   *
   * @param name the fault, short
   * @param fault how the server misbehaves
   * @param command what runs into it
   * @param message the first lines the reader sees ({@code {url}}: the server URL used)
   * @param exit the exit code
   * @param events how many events are queued before
   * @param endsSession whether the server refuses the session, so logging in again is expected
   * @param timeout the faulty run's {@code SPEC_KITTY_HTTP_TIMEOUT}
   */
  record Row(
      String name,
      Fault fault,
      Command command,
      String message,
      int exit,
      int events,
      boolean endsSession,
      String timeout) {
    Row queueing(int n) {
      return new Row(name, fault, command, message, exit, n, endsSession, timeout);
    }

    Row endingTheSession() {
      return new Row(name, fault, command, message, exit, events, true, timeout);
    }

    Row timeout(String seconds) {
      return new Row(name, fault, command, message, exit, events, endsSession, seconds);
    }

    @Override
    public String toString() {
      return name + " → " + command + ", exit " + exit;
    }
  }

  static Row row(String name, Fault fault, Command command, String message, int exit) {
    return new Row(name, fault, command, message, exit, 3, false, "2");
  }
}
