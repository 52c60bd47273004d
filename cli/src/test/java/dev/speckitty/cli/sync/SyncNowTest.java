package dev.speckitty.cli.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.speckitty.cli.InProcessCli;
import dev.speckitty.cli.InProcessCli.Result;
import dev.speckitty.cli.LoopbackServer;
import dev.speckitty.cli.auth.CredentialStore;
import dev.speckitty.cli.auth.Credentials;
import dev.speckitty.cli.config.ServerUrl;
import dev.speckitty.cli.queue.EventQueue;
import dev.speckitty.cli.queue.TestEvents;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SyncNowTest {
  static final BatchAck ACK = new BatchAck();
  static final Gate GATE = new Gate();

  private static final String BATCH = "/api/v1/events/batch/";
  private static final String PULL = "/api/v1/events/";

  @RegisterExtension static WireMockExtension server = LoopbackServer.extension(GATE, ACK);

  @RegisterExtension InProcessCli cli = InProcessCli.configuredFor(server);

  @BeforeEach
  void logInAndStub() throws IOException {
    ACK.reset();
    GATE.reset();
    new CredentialStore(cli.state())
        .save(
            new Credentials(
                ServerUrl.parse(server.baseUrl(), "test"),
                "your-email@example.com",
                "kitty-team",
                "access-1",
                cli.now().plus(Duration.ofDays(1)),
                "refresh-1",
                cli.now().plus(Duration.ofDays(7))));
    batchWithTokenAnswers("access-1", aResponse().withTransformers("batch-ack"));
    pullAnswers("{\"events\": [], \"next_cursor\": \"\", \"has_more\": false}");
  }

  private void pullAnswers(String json) {
    pullAnswers(okJson(json));
  }

  private void pullAnswers(ResponseDefinitionBuilder answer) {
    server.stubFor(get(urlPathEqualTo(PULL)).willReturn(answer));
  }

  private void batchAnswers(ResponseDefinitionBuilder answer) {
    server.stubFor(post(urlEqualTo(BATCH)).willReturn(answer));
  }

  private void batchWithTokenAnswers(String accessToken, ResponseDefinitionBuilder answer) {
    server.stubFor(
        post(urlEqualTo(BATCH))
            .withHeader("Authorization", equalTo("Bearer " + accessToken))
            .willReturn(answer));
  }

  /** The first batch gets {@code first}; every batch after it gets {@code then}. */
  private void batchAnswersFirstThen(
      ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
    server.stubFor(
        post(urlEqualTo(BATCH))
            .inScenario("first batch")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(first)
            .willSetStateTo("later batches"));
    server.stubFor(
        post(urlEqualTo(BATCH))
            .inScenario("first batch")
            .whenScenarioStateIs("later batches")
            .willReturn(then));
  }

  private Result syncNow() {
    return cli.run("sync", "now");
  }

  /** Runs {@code sync now}, asserts its exit code and returns its standard error. */
  private String syncStderr(int expectedExitCode) {
    Result r = syncNow();
    assertThat(r.exitCode()).isEqualTo(expectedExitCode);
    return r.err();
  }

  private void queue(int n) {
    TestEvents.queue(cli.state().queue(), n, cli.now());
  }

  private int queued() {
    try (EventQueue q = EventQueue.open(cli.state().queue())) {
      return q.queuedCount();
    }
  }

  @Test
  void syncPushesTheQueueAndPrintsTheTutorialLines() {
    queue(48);

    Result r = syncNow();

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "Syncing with "
                + server.baseUrl()
                + "...\n↑ Pushed 48 events (1 batch)\n↓ Pulled 0 new events\n✅ Sync complete\n");
    assertThat(queued()).isZero();
    assertThat(ACK.stored).hasSize(48);
  }

  @Test
  void batchesAreGzippedBearerAuthenticatedAndStampedWithTheTeam() throws IOException {
    queue(3);

    syncNow();

    server.verify(
        postRequestedFor(urlEqualTo(BATCH))
            .withHeader("Content-Encoding", equalTo("gzip"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Authorization", equalTo("Bearer access-1")));
    assertThat(ACK.received)
        .allSatisfy(e -> assertThat(e.get("team_slug").asText()).isEqualTo("kitty-team"));
    assertThat(ACK.received.get(0).fieldNames())
        .toIterable()
        .containsExactlyElementsOf(contractEnvelopeFields());
  }

  /** The envelope's fields as the API contract lists them: the test keeps no copy of its own. */
  private static List<String> contractEnvelopeFields() throws IOException {
    var contract =
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
            .readTree(java.nio.file.Path.of("../docs/reference/server-api.openapi.yaml").toFile());
    List<String> fields = new java.util.ArrayList<>();
    contract
        .path("components")
        .path("schemas")
        .path("Event")
        .path("required")
        .forEach(f -> fields.add(f.asText()));
    assertThat(fields).isNotEmpty();
    return fields;
  }

  @Test
  void moreThanAThousandEventsGoInFifoBatchesOfAtMostAThousand() {
    queue(2001);

    Result r = syncNow();

    assertThat(r.out()).contains("↑ Pushed 2001 events (3 batches)\n");
    server.verify(3, postRequestedFor(urlEqualTo(BATCH)));
    assertThat(ACK.received)
        .extracting(e -> e.get("lamport_clock").asLong())
        .isSorted()
        .hasSize(2001);
  }

  @Test
  void singularWordsForOneEvent() {
    queue(1);
    pullAnswers(
        "{\"events\": ["
            + teammateEvent("01JTEAMMATE000000000000001")
            + "], \"next_cursor\": \"c1\", \"has_more\": false}");

    Result r = syncNow();

    assertThat(r.out()).contains("↑ Pushed 1 event (1 batch)\n↓ Pulled 1 new event\n");
  }

  @Test
  void emptyQueueStillPulls() {
    Result r = syncNow();

    assertThat(r.out()).contains("↑ Pushed 0 events (0 batches)\n↓ Pulled 0 new events\n");
  }

  @Test
  void rejectedEventsStayQueuedAndAreReported() {
    queue(10);
    ACK.reject = e -> e.get("event_type").asText().equals("HistoryAdded");

    Result r = syncNow();

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .contains("↑ Pushed 9 events (1 batch)\n⚠ 1 event rejected\n   ")
        .contains("(HistoryAdded): payload.wp_id is required\n")
        .endsWith("⚠ Sync finished; 1 rejected event stays queued.\n");
    assertThat(queued()).isEqualTo(1);
    try (EventQueue q = EventQueue.open(cli.state().queue())) {
      assertThat(q.queued(0, 10).get(0).retryCount()).isEqualTo(1);
    }
  }

  @Test
  void notLoggedInSaysSoAndHowManyEventsWaitAndLeavesTheQueueAlone() {
    queue(5);
    new CredentialStore(cli.state()).clear();

    Result r = syncNow();

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "❌ Not authenticated. Run 'spec-kitty auth login' first.\n"
                + "   5 events remain queued; run 'spec-kitty auth login', then 'spec-kitty sync"
                + " now'.\n");
    assertThat(queued()).isEqualTo(5);
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void serverErrorMidwayKeepsTheRestQueued() {
    queue(1500);
    batchAnswersFirstThen(aResponse().withTransformers("batch-ack"), aResponse().withStatus(500));

    assertThat(syncStderr(1))
        .isEqualTo(
            "❌ Server temporarily unavailable (HTTP 500)\n"
                + "   Please try again in a few minutes.\n"
                + "   500 events remain queued; run 'spec-kitty sync now' again.\n");
    assertThat(queued()).isEqualTo(500);
  }

  @Test
  void rerunAfterAFailureSendsOnlyWhatIsLeftAndDuplicatesNothing() {
    serverErrorMidwayKeepsTheRestQueued();
    server.resetScenarios();
    batchAnswers(aResponse().withTransformers("batch-ack"));

    Result r = syncNow();

    assertThat(r.out()).contains("↑ Pushed 500 events (1 batch)\n");
    assertThat(ACK.stored).hasSize(1500);
    assertThat(queued()).isZero();
  }

  @Test
  void connectionResetIsCannotReachServer() {
    queue(2);
    batchAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertThat(syncStderr(1))
        .isEqualTo(
            "❌ Cannot reach server. Check your connection.\n   Server: "
                + server.baseUrl()
                + "\n   2 events remain queued; run 'spec-kitty sync now' again.\n");
  }

  @Test
  void timeoutIsCannotReachServer() {
    queue(2);
    cli.env("SPEC_KITTY_HTTP_TIMEOUT", "0.3");
    batchAnswers(aResponse().withTransformers("batch-ack").withFixedDelay(3_000));

    Result r = syncNow();

    assertThat(r.err()).startsWith("❌ Cannot reach server. Check your connection.\n");
    assertThat(queued()).isEqualTo(2);
  }

  @Test
  void badGatewayWithHtmlIsTemporarilyUnavailable() {
    queue(2);
    batchAnswers(
        aResponse()
            .withStatus(502)
            .withHeader("Content-Type", "text/html")
            .withBody("<html><h1>502 Bad Gateway</h1></html>"));

    assertThat(syncNow().err()).startsWith("❌ Server temporarily unavailable (HTTP 502)\n");
  }

  @Test
  void malformedJsonIsAnInvalidServerResponse() {
    queue(2);
    batchAnswers(okJson("{\"results\": [ this is not json"));

    Result r = syncNow();

    assertThat(r.err()).startsWith("❌ Invalid server response (HTTP 200)\n");
    assertThat(queued()).isEqualTo(2);
  }

  @Test
  void expiredAccessTokenIsRefreshedAndTheBatchRetried() {
    queue(2);
    batchWithTokenAnswers("access-1", aResponse().withStatus(401));
    batchWithTokenAnswers("access-2", aResponse().withTransformers("batch-ack"));
    server.stubFor(
        post(urlEqualTo("/api/v1/token/refresh/"))
            .willReturn(
                okJson(
                    "{\"access\": \"access-2\", \"refresh\": \"refresh-2\", \"access_expires_in\":"
                        + " 86400, \"refresh_expires_in\": 604800, \"team_slug\": \"kitty-team\"}")));
    server.stubFor(
        get(urlPathEqualTo(PULL))
            .withHeader("Authorization", equalTo("Bearer access-2"))
            .willReturn(okJson("{\"events\": [], \"next_cursor\": \"\", \"has_more\": false}")));

    Result r = syncNow();

    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out()).contains("↑ Pushed 2 events (1 batch)");
  }

  @Test
  void tooManyRequestsIsRetriedAfterRetryAfter() {
    queue(2);
    batchAnswersFirstThen(
        aResponse().withStatus(429).withHeader("Retry-After", "1"),
        aResponse().withTransformers("batch-ack"));

    Result r = syncNow();

    assertThat(r.exitCode()).isZero();
    server.verify(2, postRequestedFor(urlEqualTo(BATCH)));
  }

  @Test
  void pullFollowsTheCursorAcrossPagesAndCountsOnlyNewEvents() {
    server.stubFor(
        get(urlPathEqualTo(PULL))
            .withQueryParam("after", equalTo(""))
            .willReturn(
                okJson(
                    "{\"events\": ["
                        + teammateEvent("01JTEAMMATE000000000000001")
                        + ","
                        + teammateEvent("01JTEAMMATE000000000000002")
                        + "], \"next_cursor\": \"c2\", \"has_more\": true}")));
    server.stubFor(
        get(urlPathEqualTo(PULL))
            .withQueryParam("after", equalTo("c2"))
            .willReturn(
                okJson(
                    "{\"events\": ["
                        + teammateEvent("01JTEAMMATE000000000000002")
                        + ","
                        + teammateEvent("01JTEAMMATE000000000000003")
                        + "], \"next_cursor\": \"c3\", \"has_more\": false}")));
    server.stubFor(
        get(urlPathEqualTo(PULL))
            .withQueryParam("after", equalTo("c3"))
            .willReturn(okJson("{\"events\": [], \"next_cursor\": \"c3\", \"has_more\": false}")));

    Result first = syncNow();
    Result second = syncNow();

    assertThat(first.out()).contains("↓ Pulled 3 new events\n");
    server.verify(
        getRequestedFor(urlPathEqualTo(PULL))
            .withQueryParam("limit", equalTo("1000"))
            .withQueryParam("exclude_node", matching("[0-9a-f]{12}")));
    assertThat(second.out()).contains("↓ Pulled 0 new events\n");
    try (EventQueue q = EventQueue.open(cli.state().queue())) {
      assertThat(q.pullCursor(ServerUrl.parse(server.baseUrl(), "test"))).contains("c3");
      // Each received page moves the clock to max(own, newest received) + 1: 41, then 42.
      assertThat(q.lamportClock()).isEqualTo(42);
      assertThat(q.pulledCount()).isEqualTo(3);
    }
  }

  private static String teammateEvent(String id) {
    return """
        {"event_id": "%s", "event_type": "WPStatusChanged", "aggregate_id": "001-x/WP01",
         "aggregate_type": "WorkPackage", "payload": {"wp_id": "WP01"},
         "timestamp": "2026-03-01T08:00:00Z", "node_id": "teammate0001", "lamport_clock": 40,
         "team_slug": "kitty-team", "project_uuid": "3f1c9a52-0000-4000-8000-000000000001",
         "project_slug": "app"}"""
        .formatted(id);
  }

  @Test
  void pushedEventsComingBackInThePullAreNotNew() {
    queue(2);
    List<String> ids;
    try (EventQueue q = EventQueue.open(cli.state().queue())) {
      ids = q.all().stream().map(e -> e.eventId()).toList();
    }
    pullAnswers(
        "{\"events\": ["
            + teammateEvent(ids.get(0))
            + "], \"next_cursor\": \"c1\", \"has_more\": false}");

    assertThat(syncNow().out()).contains("↓ Pulled 0 new events\n");
  }

  @Test
  void aBatchAnswerThatStallsAfterItsHeadersIsCutOffAtTheTimeout() {
    queue(2);
    cli.env("SPEC_KITTY_HTTP_TIMEOUT", "0.5");
    batchAnswers(
        okJson("{\"results\": []}" + " ".repeat(200)).withChunkedDribbleDelay(100, 20_000));

    long start = System.nanoTime();
    Result r = syncNow();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("❌ Cannot reach server. Check your connection.\n");
    assertThat(took).isLessThan(Duration.ofSeconds(5));
    assertThat(queued()).isEqualTo(2);
  }

  @Test
  void aPullAnswerThatTricklesInIsCutOffAtTheTimeout() {
    cli.env("SPEC_KITTY_HTTP_TIMEOUT", "0.5");
    pullAnswers(
        okJson("{\"events\": [], \"next_cursor\": \"\", \"has_more\": false}" + " ".repeat(200))
            .withChunkedDribbleDelay(100, 20_000));

    long start = System.nanoTime();
    Result r = syncNow();

    assertThat(r.err()).startsWith("❌ Cannot reach server. Check your connection.\n");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aBatchAnswerWithoutVerdictsFailsAndKeepsTheEventsQueued() {
    queue(23);
    ACK.verdictsAtMost = 0;

    Result r = syncNow();

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).doesNotContain("Sync complete");
    assertThat(r.err())
        .isEqualTo(
            "❌ The server answered for 0 of the 23 events sent.\n"
                + "   23 events remain queued; run 'spec-kitty sync now' again.\n");
    assertThat(queued()).isEqualTo(23);
  }

  @Test
  void verdictsForSomeEventsOnlyLeaveTheOthersQueuedAndFail() {
    queue(23);
    ACK.verdictsAtMost = 5;

    Result r = syncNow();

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("↑ Pushed 5 events (1 batch)\n").doesNotContain("Sync complete");
    assertThat(r.err())
        .isEqualTo(
            "❌ The server answered for 5 of the 23 events sent.\n"
                + "   18 events remain queued; run 'spec-kitty sync now' again.\n");
    assertThat(queued()).isEqualTo(18);
  }

  @Test
  void aSecondSyncWhileOneRunsWaitsThenSaysSoAndSendsNothing() throws Exception {
    queue(3);
    batchAnswers(aResponse().withTransformers("gate", "batch-ack"));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Result> first = pool.submit(() -> syncNow());
      GATE.awaitArrival(); // the first sync is mid-push

      Result second = syncNow();
      GATE.open();

      assertThat(second.exitCode()).isEqualTo(1);
      assertThat(second.out()).isEmpty();
      assertThat(second.err())
          .isEqualTo(
              "❌ Another 'spec-kitty sync now' is running; try again when it has finished.\n"
                  + "   3 events remain queued; run 'spec-kitty sync now' again.\n");
      assertThat(first.get(60, TimeUnit.SECONDS).exitCode()).isZero();
    } finally {
      GATE.open();
      pool.shutdownNow();
    }
    assertThat(ACK.received).hasSize(3);
    assertThat(queued()).isZero();
  }

  @Test
  void anAnswerLargerThanTheCapIsRefusedWithAMessage() {
    queue(2);
    batchAnswers(okJson("{\"results\": [], \"pad\": \"" + "x".repeat(17 << 20) + "\"}"));

    assertThat(syncStderr(1))
        .isEqualTo(
            "❌ The server's answer is larger than 16 MB; spec-kitty stopped reading it.\n"
                + "   2 events remain queued; run 'spec-kitty sync now' again.\n");
    assertThat(queued()).isEqualTo(2);
  }

  @Test
  void anAnswerWithoutLengthIsCutOffAtTheCapToo() {
    pullAnswers(
        okJson("{\"events\": [], \"pad\": \"" + "x".repeat(17 << 20) + "\"}")
            .withChunkedDribbleDelay(64, 200));

    assertThat(syncStderr(1))
        .startsWith("❌ The server's answer is larger than 16 MB; spec-kitty stopped reading it.\n");
  }

  @Test
  void anExpiredSessionSaysToLogInBeforeSyncingAgain() {
    queue(2);
    batchWithTokenAnswers("access-1", aResponse().withStatus(401));
    server.stubFor(
        post(urlEqualTo("/api/v1/token/refresh/"))
            .willReturn(
                aResponse().withStatus(401).withBody("{\"detail\": \"Token is invalid\"}")));

    assertThat(syncStderr(1))
        .isEqualTo(
            "❌ Session expired. Please log in again.\n"
                + "   2 events remain queued; run 'spec-kitty auth login', then 'spec-kitty sync"
                + " now'.\n");
  }

  @Test
  void aFailureWithNothingQueuedSaysSoToo() {
    pullAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    Result r = syncNow();

    assertThat(r.err())
        .isEqualTo(
            "❌ Cannot reach server. Check your connection.\n   Server: "
                + server.baseUrl()
                + "\n   No events are queued.\n");
  }

  @Test
  void aRejectionReasonCannotDriveTheTerminalOrFloodIt() {
    queue(1);
    ACK.reject = e -> true;
    ACK.rejectReason = "\u001b]0;owned\u0007\u001b[2J\u009b31m" + "x".repeat(5_000);

    Result r = syncNow();

    assertThat(r.out()).doesNotContain("\u001b", "\u0007", "\u009b");
    String reason =
        r.out().lines().filter(l -> l.contains("(WPStatusChanged): ")).findFirst().orElseThrow();
    assertThat(reason.substring(reason.indexOf("): ") + 3))
        .startsWith("]0;owned[2J31mxxx")
        .hasSize(200)
        .endsWith("…");
  }

  @Test
  void aHugeDetailIsCleanedAndCapped() {
    queue(1);
    batchAnswers(
        aResponse()
            .withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"detail\": \"\\u001b[2Jbad\\nbatch " + "y".repeat(2 << 20) + "\"}"));

    Result r = syncNow();

    assertThat(r.exitCode()).isEqualTo(1);
    List<String> lines = r.err().lines().toList();
    assertThat(lines.get(0)).isEqualTo("❌ Server refused the request (HTTP 400)");
    assertThat(lines.get(1)).startsWith("   [2Jbad batch yyy").hasSize(3 + 200).endsWith("…");
    assertThat(lines.get(2))
        .isEqualTo("   1 event remains queued; run 'spec-kitty sync now' again.");
  }

  @Test
  void aBatchAnswerWithMalformedVerdictsIsAnInvalidResponseNotACrash() {
    queue(2);
    batchAnswers(okJson("{\"results\": [1, \"x\", null, [true]]}"));

    assertThat(syncStderr(1)).startsWith("❌ Invalid server response (HTTP 200)\n");
    assertThat(queued()).isEqualTo(2);
  }

  @Test
  void aPulledClockBeyondTheContractIsNotStoredAndLocalClocksStayPositive() {
    String huge =
        teammateEvent("01JTEAMMATE000000000000009")
            .replace("\"lamport_clock\": 40", "\"lamport_clock\": 9223372036854775807");
    pullAnswers(
        "{\"events\": ["
            + huge
            + ","
            + teammateEvent("01JTEAMMATE000000000000001")
            + "], \"next_cursor\": \"c1\", \"has_more\": false}");

    Result r = syncNow();
    queue(1);

    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out())
        .contains(
            "↓ Pulled 1 new event\n"
                + "⚠ Pulled events that break the API contract were not stored: 1.\n"
                + "   First: 01JTEAMMATE000000000000009: lamport_clock must be from 1 to"
                + " 9007199254740991.\n");
    try (EventQueue q = EventQueue.open(cli.state().queue())) {
      assertThat(q.pulledCount()).isEqualTo(1);
      assertThat(q.lamportClock()).isEqualTo(42);
      assertThat(q.all()).allSatisfy(e -> assertThat(e.lamportClock()).isPositive());
    }
  }

  @Test
  void aPulledEventWhoseTextFieldIsNotTextIsNotStoredForEveryTextFieldOfTheContract()
      throws IOException {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    List<String> textFields = contractTextFields();
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < textFields.size(); i++) {
      var event =
          (com.fasterxml.jackson.databind.node.ObjectNode)
              mapper.readTree(teammateEvent("01JTEAMMATE00000000000000" + (char) ('A' + i)));
      event.put(textFields.get(i), 7);
      events.append(i == 0 ? "" : ",").append(event);
    }
    pullAnswers("{\"events\": [" + events + "], \"next_cursor\": \"c1\", \"has_more\": false}");

    Result r = syncNow();

    assertThat(r.out())
        .contains(
            "↓ Pulled 0 new events\n"
                + "⚠ Pulled events that break the API contract were not stored: "
                + textFields.size()
                + ".\n"
                + "   First: 01JTEAMMATE00000000000000A: "
                + textFields.get(0)
                + " must be a string.\n");
    try (EventQueue q = EventQueue.open(cli.state().queue())) {
      assertThat(q.pulledCount()).isZero();
    }
  }

  /** The contract's plain text fields of an event: its string fields but the id and the time. */
  private static List<String> contractTextFields() throws IOException {
    var event =
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
            .readTree(java.nio.file.Path.of("../docs/reference/server-api.openapi.yaml").toFile())
            .path("components")
            .path("schemas")
            .path("Event");
    List<String> fields = new java.util.ArrayList<>();
    event
        .path("required")
        .forEach(
            f -> {
              String name = f.asText();
              if (event.path("properties").path(name).path("type").asText().equals("string")
                  && !name.equals("event_id")
                  && !name.equals("timestamp")) {
                fields.add(name);
              }
            });
    assertThat(fields).hasSizeGreaterThan(3);
    return fields;
  }

  @Test
  void anUndecodableQueueRowIsSetAsideAndEveryOtherEventIsPushed() throws Exception {
    queue(3);
    try (java.sql.Connection db =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + cli.state().queue());
        java.sql.Statement s = db.createStatement()) {
      s.executeUpdate(
          "INSERT INTO events(event_id, lamport_clock, envelope, state, recorded_at)"
              + " VALUES ('01JBROKEN00000000000000000', 99, '{not json', 'queued', 'x')");
    }
    queue(2);

    Result r = syncNow();
    Result again = syncNow();
    Result status = cli.run("sync", "status");

    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("↑ Pushed 5 events (1 batch)\n")
        .contains(
            "⚠ Queued events that cannot be read were set aside: 1 (see 'spec-kitty sync"
                + " status').\n");
    assertThat(ACK.received).hasSize(5);
    assertThat(queued()).isZero();
    assertThat(again.out()).contains("✅ Sync complete\n").doesNotContain("set aside");
    assertThat(status.out())
        .endsWith("Set Aside    1 unreadable event, kept in ~/.spec-kitty/queue.db\n");
  }

  @Test
  void aPullWhoseCursorDoesNotMoveStopsWithAMessage() {
    pullAnswers("{\"events\": [], \"next_cursor\": \"c1\", \"has_more\": true}");

    assertThat(syncStderr(1))
        .isEqualTo(
            "❌ The server said more events follow but did not move the pull cursor (c1); the"
                + " pull stopped.\n"
                + "   No events are queued.\n");
  }

  @Test
  void aPullThatNeverEndsStopsAfterAThousandPagesWithAMessage() {
    pullAnswers(
        okJson(
                "{\"events\": [], \"next_cursor\": \"{{request.query.after}}x\","
                    + " \"has_more\": true}")
            .withTransformers("response-template"));

    Result r =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(90), () -> syncNow());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "❌ The pull stopped after 1000 pages; run 'spec-kitty sync now' again for the"
                + " rest.\n"
                + "   No events are queued.\n");
    server.verify(1000, getRequestedFor(urlPathEqualTo(PULL)));
  }

  @Test
  void aVerdictOutsideTheContractIsNoVerdict() {
    queue(1);
    batchAnswers(aResponse().withTransformers("batch-ack"));
    ACK.statusWord = "maybe";

    assertThat(syncStderr(1)).startsWith("❌ The server answered for 0 of the 1 events sent.\n");
    assertThat(queued()).isEqualTo(1);
  }
}
