package dev.speckitty.docs;

import static dev.speckitty.docs.FaultMatrix.Command.CHECK;
import static dev.speckitty.docs.FaultMatrix.Command.LOGIN;
import static dev.speckitty.docs.FaultMatrix.Command.SYNC;
import static dev.speckitty.docs.FaultMatrix.NORMAL;
import static dev.speckitty.docs.FaultMatrix.httpsUrl;
import static dev.speckitty.docs.FaultMatrix.row;
import static dev.speckitty.docs.FaultMatrix.scenario;
import static dev.speckitty.docs.FaultMatrix.stub;
import static dev.speckitty.docs.FaultStubs.bare;
import static dev.speckitty.docs.FaultStubs.delayed;
import static dev.speckitty.docs.FaultStubs.detail;
import static dev.speckitty.docs.FaultStubs.dribbled;
import static dev.speckitty.docs.FaultStubs.fault;
import static dev.speckitty.docs.FaultStubs.firstPushGets;
import static dev.speckitty.docs.FaultStubs.firstPushOnly;
import static dev.speckitty.docs.FaultStubs.html;
import static dev.speckitty.docs.FaultStubs.onEveryApiCall;
import static dev.speckitty.docs.FaultStubs.onHealth;
import static dev.speckitty.docs.FaultStubs.onLogin;
import static dev.speckitty.docs.FaultStubs.onPull;
import static dev.speckitty.docs.FaultStubs.onPush;
import static dev.speckitty.docs.FaultStubs.onPushAfterTheFirst;
import static dev.speckitty.docs.FaultStubs.onRefresh;
import static dev.speckitty.docs.FaultStubs.status;
import static dev.speckitty.docs.FaultStubs.storeAllAnswerFirst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.speckitty.cli.Launcher;
import dev.speckitty.cli.Main;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.StatePaths;
import dev.speckitty.cli.queue.EventEnvelope;
import dev.speckitty.cli.queue.EventQueue;
import dev.speckitty.cli.queue.TestEvents;
import dev.speckitty.docs.FaultMatrix.Command;
import dev.speckitty.docs.FaultMatrix.Row;
import dev.speckitty.mockserver.Fixtures;
import dev.speckitty.mockserver.MockTeamServer;
import dev.speckitty.mockserver.Scenario;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix (issue 13): the packaged CLI against a mock server that misbehaves in every way
 * a real network and a real server can — WireMock's own faults, delays and dribbles, and stubs for
 * every bad answer. One row per fault: the message the reader sees (its first lines, exactly) and
 * the exit code; then, for every row, the same invariant: after the server is back to normal and
 * {@code sync now} has run again, every queued event is on the server exactly once (counted by
 * {@code event_id}), nothing was dropped from the local queue on the way, and the user is still
 * logged in unless the server itself refused the session.
 *
 * <p>Each row has a fresh server on a free port of 127.0.0.1 and a temporary HOME of its own, so
 * rows run side by side. The faulty run is the packaged launcher; what sets a row up and what looks
 * at it afterwards (the login, {@code sync status --json}, the rerun) runs the same CLI in-process,
 * on the same files, to keep the matrix fast.
 *
 * <p>The contract check is off here on purpose: these answers are exactly the ones a server keeping
 * the contract never gives.
 */
class FaultMatrixIT {
  // The messages, worded as in the Failure catalog.
  static final String UNREACHABLE = "❌ Cannot reach server. Check your connection.";
  static final String INVALID_200 = "❌ Invalid server response (HTTP 200)";
  static final String UNAVAILABLE = "❌ Server temporarily unavailable (HTTP %s)";
  static final String REFUSED = "❌ Server refused the request (HTTP %s)";
  static final String TOO_LARGE =
      "❌ The server's answer is larger than 16 MB; spec-kitty stopped reading it.";
  static final String UNANSWERED = "❌ The server answered for %s of the 3 events sent.";
  static final String SESSION_EXPIRED = "❌ Session expired. Please log in again.";
  static final String LOGIN_REFUSED =
      "❌ Invalid username or password\n   Please check your credentials and try again.";
  static final String REDIRECTED =
      "❌ The server redirected the request (HTTP 302 to https://sso.example.com/login).\n"
          + "   spec-kitty does not follow redirects: check the server URL (its scheme and path).";
  static final String PLAIN_HTTP =
      "❌ The server at {url} answered in plain HTTP, not HTTPS.\n"
          + "   Use http:// for a local server: {http_url}";
  static final String PULL_STUCK =
      "❌ The server said more events follow but did not move the pull cursor (7); the pull"
          + " stopped.";
  static final String CLOCK_SKIPPED =
      "⚠ Pulled events that break the API contract were not stored: 1.\n"
          + "   First: 01JQ9A0000000000000000000Z: lamport_clock must be from 1 to"
          + " 9007199254740991.";
  static final String SYNC_COMPLETE = "✅ Sync complete";
  static final String NOT_SPEC_KITTY = "Unexpected response (HTTP 200, not a Spec Kitty server)";

  // What the misbehaving server sends.
  static final String NO_VERDICTS = "{\"results\": []}";
  static final String SEVENTEEN_MB = "x".repeat(17 << 20);
  static final String OVER_16_MB = "{\"results\": [], \"padding\": \"" + SEVENTEEN_MB + "\"}";
  static final String ESCAPES = "\u001b]0;owned\u0007\u001b[2J\u001b[31mSuspended\u001b[0m\r\n";
  static final String CAPTIVE_PORTAL =
      "<html><body><h1>Welcome to Airport Wi-Fi</h1><a href=/login>Sign in</a></body></html>";
  static final String STUCK_PAGE = "{\"events\": [], \"next_cursor\": \"7\", \"has_more\": true}";
  static final String TOKEN_401 = detail("Given token not valid for any token type");
  static final String TOKENS_FOR_EVER =
      """
      {"access": "ska_broken", "refresh": "skr_broken", "access_expires_in": 9223372036854775807,
       "refresh_expires_in": 604800, "team_slug": "kitty-team"}
      """;

  /** A pulled event that keeps the contract but for its Lamport clock: Long.MAX_VALUE. */
  static final String CLOCK_AT_LONG_MAX =
      """
      {"events": [{"event_id": "01JQ9A0000000000000000000Z", "event_type": "WPCreated",
        "aggregate_id": "001-x/WP01", "aggregate_type": "WorkPackage", "payload": {},
        "timestamp": "2026-03-01T09:00:00Z", "node_id": "a1b2c3d4e5f6",
        "lamport_clock": 9223372036854775807, "team_slug": "kitty-team",
        "project_uuid": "9b2e4f10-7c3a-4d5e-8f60-1a2b3c4d5e6f", "project_slug": "calendar-app"}],
       "next_cursor": "1", "has_more": false}
      """;

  /**
   * The matrix: name | how the server misbehaves | command | expected first lines | exit code.
   * Every faulty run has a 2 s timeout unless its row says otherwise.
   */
  static final List<Row> MATRIX =
      List.of(
          row("normal server", NORMAL, SYNC, SYNC_COMPLETE, 0),
          // No answer at all.
          row("connection reset", scenario(Scenario.CONNECTION_RESET), SYNC, UNREACHABLE, 1),
          row(
              "random data, then close",
              stub(onPush(fault("RANDOM_DATA_THEN_CLOSE"))),
              SYNC,
              UNREACHABLE,
              1),
          row("empty response", stub(onPush(fault("EMPTY_RESPONSE"))), SYNC, UNREACHABLE, 1),
          row("connection refused", scenario(Scenario.SERVER_DOWN), SYNC, UNREACHABLE, 1),
          row(
              "answer after 5 s",
              stub(onPush(delayed(5_000, status(200, NO_VERDICTS)))),
              SYNC,
              UNREACHABLE,
              1),
          row(
              "half the body, then 10 s of silence",
              stub(onPush(dribbled(2, 20_000, status(200, NO_VERDICTS)))),
              SYNC,
              UNREACHABLE,
              1),
          row(
              "body trickles in: 40 chunks over 8 s",
              stub(onPush(dribbled(40, 8_000, status(200, padded(NO_VERDICTS))))),
              SYNC,
              UNREACHABLE,
              1),
          row(
                  "reset on the second of two batches",
                  stub(firstPushOnly(), onPushAfterTheFirst(fault("CONNECTION_RESET_BY_PEER"))),
                  SYNC,
                  UNREACHABLE,
                  1)
              .queueing(1500),
          row(
              "reset on the pull, after a good push",
              stub(onPull(fault("CONNECTION_RESET_BY_PEER"))),
              SYNC,
              UNREACHABLE,
              1),
          row(
              "health answer after 5 s",
              stub(onHealth(delayed(5_000, status(200, "{\"status\": \"ok\"}")))),
              CHECK,
              "Unreachable (timed out after 2s)",
              1),
          row("https:// URL, plain-HTTP server", httpsUrl(), LOGIN, PLAIN_HTTP, 1),
          // HTTP errors.
          row(
              "HTTP 500",
              scenario(Scenario.SERVER_ERROR),
              SYNC,
              UNAVAILABLE.formatted(500) + "\n   Please try again in a few minutes.",
              1),
          row(
              "HTTP 502, an HTML page from a proxy",
              scenario(Scenario.BAD_GATEWAY),
              SYNC,
              UNAVAILABLE.formatted(502),
              1),
          row(
              "HTTP 503",
              stub(onPush(status(503, detail("Down for maintenance."), "Retry-After", "120"))),
              SYNC,
              UNAVAILABLE.formatted(503),
              1),
          row(
              "HTTP 429 with Retry-After: 1, once",
              scenario(Scenario.RATE_LIMITED),
              SYNC,
              SYNC_COMPLETE,
              0),
          row(
              "HTTP 429 without Retry-After, once",
              stub(firstPushGets(status(429, detail("Slow down.")))),
              SYNC,
              SYNC_COMPLETE,
              0),
          row(
              "HTTP 429 with Retry-After: 0, always",
              stub(onPush(status(429, detail("Slow down."), "Retry-After", "0"))),
              SYNC,
              UNAVAILABLE.formatted(429),
              1),
          row(
              "HTTP 400 with a reason",
              stub(onPush(status(400, detail("payload is too large.")))),
              SYNC,
              REFUSED.formatted(400) + "\n   payload is too large.",
              1),
          row("HTTP 403 without a body", stub(onPush(bare(403))), SYNC, REFUSED.formatted(403), 1),
          row(
              "HTTP 302 to a sign-in page",
              stub(onPush(bare(302, "Location", "https://sso.example.com/login"))),
              SYNC,
              REDIRECTED,
              1),
          row(
                  "401, then 401 on the token refresh",
                  scenario(Scenario.SESSION_EXPIRED),
                  SYNC,
                  SESSION_EXPIRED,
                  1)
              .endingTheSession(),
          row(
              "401, then HTTP 500 on the token refresh",
              stub(onPush(status(401, TOKEN_401)), onRefresh(status(500, detail("Oops.")))),
              SYNC,
              UNAVAILABLE.formatted(500),
              1),
          row(
              "401, then a reset on the token refresh",
              stub(onPush(status(401, TOKEN_401)), onRefresh(fault("CONNECTION_RESET_BY_PEER"))),
              SYNC,
              UNREACHABLE,
              1),
          row("login refused", scenario(Scenario.WRONG_PASSWORD), LOGIN, LOGIN_REFUSED, 1),
          // Answers that break the contract.
          row(
              "escape sequences in the reason",
              stub(onPush(status(403, detail(ESCAPES)))),
              SYNC,
              REFUSED.formatted(403) + "\n   ]0;owned[2J[31mSuspended[0m",
              1),
          row(
              "a reason of 100 000 characters",
              stub(onPush(status(400, detail("y".repeat(100_000))))),
              SYNC,
              REFUSED.formatted(400) + "\n   " + "y".repeat(199) + "…",
              1),
          row(
              "malformed JSON",
              stub(onPush(status(200, "{\"results\": [{\"event_id\": "))),
              SYNC,
              INVALID_200,
              1),
          row(
              "no verdicts: {\"results\": []}",
              stub(onPush(status(200, NO_VERDICTS))),
              SYNC,
              UNANSWERED.formatted(0),
              1),
          row(
              "stores all, answers for the first only",
              stub(onPush(storeAllAnswerFirst(1))),
              SYNC,
              UNANSWERED.formatted(1),
              1),
          row(
              "over 16 MB, Content-Length says so",
              stub(onPush(status(200, OVER_16_MB, "Content-Length", length(OVER_16_MB)))),
              SYNC,
              TOO_LARGE,
              1),
          row("over 16 MB, chunked", stub(onPush(status(200, OVER_16_MB))), SYNC, TOO_LARGE, 1)
              .timeout("10"),
          row(
              "pulled lamport_clock 9223372036854775807",
              stub(onPull(status(200, CLOCK_AT_LONG_MAX))),
              SYNC,
              CLOCK_SKIPPED,
              0),
          row(
              "has_more, but the cursor does not move",
              stub(onPull(status(200, STUCK_PAGE))),
              SYNC,
              PULL_STUCK,
              1),
          row(
              "captive portal: 200 HTML for every call",
              stub(onEveryApiCall(html(200, CAPTIVE_PORTAL))),
              SYNC,
              INVALID_200,
              1),
          row(
              "captive portal",
              stub(onEveryApiCall(html(200, CAPTIVE_PORTAL))),
              CHECK,
              NOT_SPEC_KITTY,
              1),
          row(
              "captive portal",
              stub(onEveryApiCall(html(200, CAPTIVE_PORTAL))),
              LOGIN,
              INVALID_200,
              1),
          row(
              "token refresh: access_expires_in Long.MAX_VALUE",
              stub(onPush(status(401, TOKEN_401)), onRefresh(status(200, TOKENS_FOR_EVER))),
              SYNC,
              INVALID_200,
              1),
          row(
              "login: access_expires_in Long.MAX_VALUE",
              stub(onLogin(status(200, TOKENS_FOR_EVER))),
              LOGIN,
              INVALID_200,
              1));

  @TempDir static Path work;
  private static final AtomicInteger homes = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theMatrixHasAtLeast25Faults() {
    assertThat(MATRIX.stream().filter(r -> r.fault() != NORMAL)).hasSizeGreaterThanOrEqualTo(25);
  }

  /**
   * Every row, each with a server and a HOME of its own; rows run side by side (two per processor:
   * many of them mostly wait), and each row's test reports that row's outcome.
   */
  @TestFactory
  Stream<DynamicTest> everyFaultSaysWhatHappenedAndLosesNothing() {
    ExecutorService pool =
        Executors.newFixedThreadPool(2 * Runtime.getRuntime().availableProcessors());
    List<Future<?>> outcomes =
        MATRIX.stream().<Future<?>>map(r -> pool.submit(() -> check(r))).toList();
    pool.shutdown();
    return IntStream.range(0, MATRIX.size())
        .mapToObj(i -> dynamicTest(MATRIX.get(i).toString(), () -> outcome(outcomes.get(i))));
  }

  private static void outcome(Future<?> row) throws Throwable {
    try {
      row.get();
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }

  private static Void check(Row row) throws Exception {
    MockTeamServer server = SERVERS.get();
    server.reset();
    check(row, server);
    return null;
  }

  /** A server per worker thread, reset before each row: a fresh one, without the start-up. */
  private static final List<MockTeamServer> STARTED = new CopyOnWriteArrayList<>();

  private static final ThreadLocal<MockTeamServer> SERVERS =
      ThreadLocal.withInitial(
          () -> {
            MockTeamServer server = MockTeamServer.start(0, Optional.empty());
            STARTED.add(server);
            return server;
          });

  @AfterAll
  static void stopServers() {
    STARTED.forEach(MockTeamServer::close);
  }

  private static void check(Row row, MockTeamServer server) throws Exception {
    Path home = loggedInHome(server);
    List<String> queued =
        TestEvents.queue(queueOf(home), row.events(), Instant.now()).stream()
            .map(EventEnvelope::eventId)
            .toList();

    PackagedCli.Run faulty;
    Map<String, String> env = row.fault().env().apply(server);
    try {
      row.fault().install().accept(server);
      PackagedCli during = new PackagedCli(home).env("SPEC_KITTY_HTTP_TIMEOUT", row.timeout());
      env.forEach(during::env);
      faulty = row.command().run(during);
    } finally {
      server.removeAddedStubs();
      server.use(Scenario.NORMAL);
    }

    String url = env.getOrDefault("SPEC_KITTY_SERVER_URL", server.baseUrl());
    String expected =
        row.message()
            .replace("{url}", url)
            .replace("{http_url}", url.replaceFirst("^https://", "http://"));
    String said = row.command().message(faulty, (int) expected.lines().count());
    String all = faulty.out() + faulty.err();
    assertThat(said).as(all).isEqualTo(expected);
    assertThat(faulty.exitCode()).as(all).isEqualTo(row.exit());
    assertThat(all).as("control characters").doesNotContainPattern(CONTROL);

    // Right after the fault: what left the queue is on the server, the last line of a failed
    // sync says how much is still queued, and the session is still there.
    JsonNode status = JSON.readTree(inProcess(home, "", "sync", "status", "--json").out());
    int stillQueued = status.path("queue").path("queued").asInt(-1);
    assertThat(stillQueued + teamLog(server).stream().distinct().filter(queued::contains).count())
        .as("events queued or on the server")
        .isGreaterThanOrEqualTo(queued.size());
    if (row.command() == Command.SYNC && row.exit() != 0) {
      assertThat(queuedAccordingTo(faulty)).as(faulty.err()).isEqualTo(stillQueued);
    }
    assertThat(status.path("auth").path("authenticated").asBoolean())
        .as("still logged in")
        .isEqualTo(!row.endsSession());

    if (row.endsSession()) {
      logIn(home);
    }
    PackagedCli.Run rerun = inProcess(home, "", "sync", "now");
    assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
    assertThat(rerun.out()).endsWith(SYNC_COMPLETE + "\n");

    // The server's log holds this row's events only: each queued event_id exactly once, and
    // nothing else (no event sent again under a new id).
    assertThat(teamLog(server))
        .as("event_ids in the team's log on the server")
        .containsExactlyInAnyOrderElementsOf(queued);
    try (EventQueue q = EventQueue.open(queueOf(home))) {
      assertThat(q.queuedCount()).as("still queued after the rerun").isZero();
    }
  }

  /** C0 but the line feed, DEL, C1: nothing a server sends may reach the terminal as such. */
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f]");

  /** A new HOME configured for {@code server}, logged in as the demo user. */
  private static Path loggedInHome(MockTeamServer server) throws IOException {
    Path home = Files.createDirectories(work.resolve("home-" + homes.incrementAndGet()));
    new Launcher(home).configure(server.baseUrl());
    logIn(home);
    return home;
  }

  private static void logIn(Path home) {
    PackagedCli.Run login =
        inProcess(
            home,
            Fixtures.demoUser().password() + "\n",
            "auth",
            "login",
            "-f",
            "--username",
            Fixtures.demoUser().username(),
            "--password-stdin");
    assertThat(login.exitCode()).as(login.err()).isZero();
  }

  /**
   * Runs the CLI in this JVM, on the same files as the packaged one: for the login before the
   * fault, and for {@code sync status --json} and the rerun after it — so that each row starts one
   * process, the one under test (a launch costs about a second of CPU).
   */
  private static PackagedCli.Run inProcess(Path home, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx =
        new CliContext(
            Map.of(),
            home,
            home,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            false,
            Clock.systemUTC());
    int code = Main.run(ctx, new PrintWriter(out), new PrintWriter(err), args);
    return new PackagedCli.Run(code, out.toString(), err.toString());
  }

  /** The event_id of every event in the team's log on the server, in order. */
  private static List<String> teamLog(MockTeamServer server) {
    return server.state().events(Fixtures.demoUser().team()).stream()
        .map(e -> e.event().path("event_id").asText())
        .toList();
  }

  private static final Pattern STILL_QUEUED =
      Pattern.compile("^   (?:(\\d+) events? remains? queued; .*|(No) events are queued\\.)$");

  /** The count the last line of a failed sync gives. */
  private static int queuedAccordingTo(PackagedCli.Run run) {
    List<String> lines = run.errLines();
    Matcher m = STILL_QUEUED.matcher(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
    assertThat(m.matches()).as("last line says what is queued: %s", run.err()).isTrue();
    return m.group(2) != null ? 0 : Integer.parseInt(m.group(1));
  }

  private static Path queueOf(Path home) {
    return StatePaths.inHome(home).queue();
  }

  private static String padded(String json) {
    return json.substring(0, json.length() - 1) + ", \"padding\": \"" + "p".repeat(4000) + "\"}";
  }

  private static String length(String body) {
    return Integer.toString(body.getBytes(StandardCharsets.UTF_8).length);
  }
}
