package dev.speckitty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.speckitty.cli.InProcessCli;
import dev.speckitty.cli.InProcessCli.Result;
import dev.speckitty.mockserver.ContractValidator;
import dev.speckitty.mockserver.MockTeamServer;
import dev.speckitty.mockserver.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every named scenario, met by the real CLI (in-process) the way a reader meets it; every exchange
 * is checked against the OpenAPI contract, and together the tests use every stub file.
 */
class ScenarioCliTest {
  static final Set<String> STUBS_USED = new HashSet<>();

  @RegisterExtension InProcessCli cli = new InProcessCli();

  private static ContractValidator contract;
  private static MockTeamServer server;

  @BeforeAll
  static void startServer() {
    contract =
        new ContractValidator(
            Path.of(System.getProperty("docs.dir"), "reference/server-api.openapi.yaml"));
    server = MockTeamServer.start(0, Optional.of(contract));
  }

  @AfterAll
  static void everyStubFileWasUsed() throws IOException {
    STUBS_USED.addAll(contract.stubsSeen());
    server.close();
    Set<String> names = new HashSet<>();
    try (Stream<Path> files =
        Files.list(Path.of("../mock-server/src/main/resources/mock-server/mappings"))) {
      for (Path f : files.toList()) {
        JsonNode mapping = new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile());
        if (mapping.path("request").path("url").asText("").startsWith("/api/")
            || mapping.path("request").path("urlPattern").asText("").startsWith("/api/")
            || mapping.path("request").path("urlPath").asText("").startsWith("/api/")) {
          names.add(mapping.get("name").asText());
        }
      }
    }
    assertThat(STUBS_USED).containsAll(names);
  }

  @BeforeEach
  void configure() throws IOException {
    server.reset();
    cli.configure(server.baseUrl());
  }

  @AfterEach
  void contractHolds() {
    assertThat(contract.violations()).isEmpty();
  }

  private Result login() {
    return cli.runWithStdin("reader@spec-kitty.test\nkitty-42\n", "auth", "login");
  }

  private void workOnAFeature() {
    cli.run("init", "photo-app");
    cli.cd(Path.of("photo-app"));
    cli.run("specify", "Photo gallery");
  }

  /** Logs in, queues a feature's events, and syncs them while the server plays {@code scenario}. */
  private Result syncQueuedEventsDuring(Scenario scenario) {
    login();
    workOnAFeature();
    server.use(scenario);
    return cli.run("sync", "now");
  }

  @Test
  void normalServerTakesTheTutorialsEvents() {
    assertThat(login().exitCode()).isZero();
    workOnAFeature();
    cli.run("plan");
    cli.run("tasks");
    cli.run("move", "WP01", "--to", "doing");
    cli.run("move", "WP01", "--to", "for_review");
    cli.run("move", "WP01", "--to", "doing");
    cli.run("move", "WP01", "--to", "for_review");
    cli.run("move", "WP01", "--to", "done");
    cli.run("move", "WP02", "WP03", "WP04", "WP05", "--to", "doing");
    cli.run("move", "WP02", "WP03", "WP04", "WP05", "--to", "for_review");
    cli.run("move", "WP02", "WP03", "WP04", "WP05", "--to", "done");
    cli.run("accept");

    Result check = cli.run("sync", "status", "--check");
    Result sync = cli.run("sync", "now");
    Result again = cli.run("sync", "now");

    assertThat(check.out()).endsWith("Connection   Reachable (auth required)\n");
    assertThat(sync.out())
        .isEqualTo(
            "Syncing with "
                + server.baseUrl()
                + "...\n↑ Pushed 48 events (1 batch)\n↓ Pulled 0 new events\n✅ Sync complete\n");
    assertThat(again.out()).contains("↑ Pushed 0 events (0 batches)\n↓ Pulled 0 new events\n");
    assertThat(server.state().events("kitty-team")).hasSize(48);
    assertThat(Http.get(server.baseUrl() + "/a/kitty-team/dashboards/"))
        .contains(
            "<section class=\"project\" data-project=\"photo-app\">",
            "<section class=\"board\" data-feature=\"001-photo-gallery\" data-status=\"accepted\">",
            "<h3>Done <span class=\"count\">5</span></h3>",
            "<span class=\"who\">reader@spec-kitty.test</span>"
                + " <span class=\"what\">accepted feature 001-photo-gallery</span>");
  }

  @Test
  void wrongPasswordScenarioRefusesTheLogin() {
    server.use(Scenario.WRONG_PASSWORD);

    Result r = login();

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "❌ Invalid username or password\n   Please check your credentials and try again.\n");
  }

  @Test
  void serverDownScenarioCannotBeReached() {
    server.use(Scenario.SERVER_DOWN);

    Result r = login();
    Result check = cli.run("sync", "status", "--check");

    assertThat(r.err())
        .isEqualTo(
            "❌ Cannot reach server. Check your connection.\n   Server: " + server.baseUrl() + "\n");
    assertThat(check.out()).endsWith("Connection   Unreachable (connection refused)\n");
    assertThat(check.exitCode()).isEqualTo(1);
  }

  @Test
  void serverErrorScenarioIsTemporarilyUnavailable() {
    server.use(Scenario.SERVER_ERROR);

    assertThat(login().err())
        .isEqualTo(
            "❌ Server temporarily unavailable (HTTP 500)\n   Please try again in a few minutes.\n");
    assertThat(cli.run("sync", "status", "--check").out())
        .endsWith("Connection   Unexpected response (HTTP 500)\n");
  }

  @Test
  void badGatewayScenarioDuringSyncKeepsTheEventsQueued() {
    Result r = syncQueuedEventsDuring(Scenario.BAD_GATEWAY);

    assertThat(r.err())
        .isEqualTo(
            "❌ Server temporarily unavailable (HTTP 502)\n"
                + "   Please try again in a few minutes.\n"
                + "   2 events remain queued; run 'spec-kitty sync now' again.\n");
  }

  @Test
  void slowScenarioTimesOut() {
    server.use(Scenario.SLOW);
    cli.env("SPEC_KITTY_HTTP_TIMEOUT", "0.5");

    assertThat(cli.run("sync", "status", "--check").out())
        .endsWith("Connection   Unreachable (timed out after 0.5s)\n");
    assertThat(login().err()).startsWith("❌ Cannot reach server. Check your connection.\n");
  }

  @Test
  void connectionResetScenarioDuringSync() {
    Result r = syncQueuedEventsDuring(Scenario.CONNECTION_RESET);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "❌ Cannot reach server. Check your connection.\n   Server: "
                + server.baseUrl()
                + "\n   2 events remain queued; run 'spec-kitty sync now' again.\n");
  }

  @Test
  void sessionExpiredScenarioEndsTheSession() {
    Result r = syncQueuedEventsDuring(Scenario.SESSION_EXPIRED);

    assertThat(r.err())
        .isEqualTo(
            "❌ Session expired. Please log in again.\n"
                + "   2 events remain queued; run 'spec-kitty auth login', then 'spec-kitty sync"
                + " now'.\n");
    assertThat(cli.run("auth", "status").err()).startsWith("❌ Not authenticated\n");
  }

  @Test
  void expiredAccessTokenIsRefreshedWithoutTheUserNoticing() {
    login();
    workOnAFeature();
    server.state().expireAccessTokens();

    Result r = cli.run("sync", "now");

    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out()).contains("↑ Pushed 2 events (1 batch)\n");
  }

  @Test
  void rateLimitedScenarioIsRetried() {
    Result r = syncQueuedEventsDuring(Scenario.RATE_LIMITED);

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("↑ Pushed 2 events (1 batch)\n");
  }

  @Test
  void rejectedEventScenarioReportsTheRejection() {
    Result r = syncQueuedEventsDuring(Scenario.REJECTED_EVENT);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .containsPattern(
            "↑ Pushed 1 event \\(1 batch\\)\n⚠ 1 event rejected\n   [0-9A-Z]{26} \\(ProjectCreated\\):"
                + " aggregate [0-9a-f-]{36} is locked by another change\n")
        .endsWith("⚠ Sync finished; 1 rejected event stays queued.\n");
  }

  @Test
  void teammatesScenarioBringsTheirEventsDown() {
    login();
    server.use(Scenario.TEAMMATES);

    Result r = cli.run("sync", "now");

    assertThat(r.out()).contains("↓ Pulled 3 new events\n");
  }
}
