package dev.speckitty.cli.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.speckitty.cli.InProcessCli;
import dev.speckitty.cli.InProcessCli.Result;
import dev.speckitty.cli.LoopbackServer;
import dev.speckitty.cli.core.Json;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SyncStatusTest {
  @RegisterExtension static WireMockExtension server = LoopbackServer.extension();

  @RegisterExtension InProcessCli cli = InProcessCli.configuredFor(server);

  private void healthAnswers(int status) {
    server.stubFor(
        get(urlEqualTo("/api/v1/sync/health/")).willReturn(aResponse().withStatus(status)));
  }

  @Test
  void checkAgainstAServerAskingForATokenSaysReachableAuthRequired() {
    healthAnswers(401);

    Result r = cli.run("sync", "status", "--check");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "Server URL   "
                + server.baseUrl()
                + "\nConfig File  "
                + cli.state().config()
                + "\nConnection   Reachable (auth required)\n");
    server.verify(
        getRequestedFor(urlEqualTo("/api/v1/sync/health/")).withHeader("Authorization", absent()));
  }

  @Test
  void withoutCheckNoRequestIsMade() {
    Result r = cli.run("sync", "status");

    assertThat(r.out())
        .isEqualTo(
            "Server URL   " + server.baseUrl() + "\nConfig File  " + cli.state().config() + "\n");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void healthyServerSaysReachable() {
    server.stubFor(
        get(urlEqualTo("/api/v1/sync/health/"))
            .willReturn(okJson("{\"status\": \"ok\", \"team_slug\": \"kitty-team\"}")));

    assertThat(cli.run("sync", "status", "--check").out()).endsWith("Connection   Reachable\n");
  }

  @Test
  void otherStatusIsAnUnexpectedResponseAndExitsOne() {
    healthAnswers(500);

    Result r = cli.run("sync", "status", "--check");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).endsWith("Connection   Unexpected response (HTTP 500)\n");
  }

  @Test
  void nothingListeningIsConnectionRefused() throws IOException {
    cli.configure(LoopbackServer.closedPortUrl());

    Result r = cli.run("sync", "status", "--check");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).endsWith("Connection   Unreachable (connection refused)\n");
  }

  @Test
  void slowServerTimesOutAfterTheConfiguredTimeout() {
    server.stubFor(
        get(urlEqualTo("/api/v1/sync/health/"))
            .willReturn(aResponse().withStatus(401).withFixedDelay(3_000)));
    cli.env("SPEC_KITTY_HTTP_TIMEOUT", "0.5");

    Result r = cli.run("sync", "status", "--check");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).endsWith("Connection   Unreachable (timed out after 0.5s)\n");
  }

  @Test
  void environmentOverrideIsShownAsSuch() {
    cli.env("SPEC_KITTY_SERVER_URL", "https://override.example.com/");

    assertThat(cli.run("sync", "status").out())
        .startsWith("Server URL   https://override.example.com (from SPEC_KITTY_SERVER_URL)\n");
  }

  @Test
  void withTheUrlFromTheEnvironmentAndNoConfigFileNoConfigFileIsListed() throws IOException {
    java.nio.file.Files.delete(cli.state().config());
    cli.env("SPEC_KITTY_SERVER_URL", "https://override.example.com");

    Result text = cli.run("sync", "status");
    Result json = cli.run("sync", "status", "--json");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .isEqualTo("Server URL  https://override.example.com (from SPEC_KITTY_SERVER_URL)\n");
    assertThat(Json.mapper().readTree(json.out()).has("config_file")).isFalse();
  }

  @Test
  void withTheUrlFromTheEnvironmentAnExistingConfigFileIsStillListed() throws IOException {
    cli.env("SPEC_KITTY_SERVER_URL", "https://override.example.com");

    Result json = cli.run("sync", "status", "--json");

    assertThat(cli.run("sync", "status").out())
        .isEqualTo(
            "Server URL   https://override.example.com (from SPEC_KITTY_SERVER_URL)\n"
                + "Config File  "
                + cli.state().config()
                + "\n");
    assertThat(Json.mapper().readTree(json.out()).get("config_file").asText())
        .isEqualTo(cli.state().config().toString());
  }

  @Test
  void jsonAddsQueueLastSyncAndAuth() throws IOException {
    healthAnswers(401);
    cli.run("init", "app");

    Result r = cli.run("sync", "status", "--check", "--json");

    JsonNode json = Json.mapper().readTree(r.out());
    assertThat(json.get("server_url").asText()).isEqualTo(server.baseUrl());
    assertThat(json.at("/connection/label").asText()).isEqualTo("Reachable (auth required)");
    assertThat(json.at("/connection/http_status").asInt()).isEqualTo(401);
    assertThat(json.at("/queue/queued").asInt()).isEqualTo(1);
    assertThat(json.get("last_sync").isNull()).isTrue();
    assertThat(json.at("/auth/authenticated").asBoolean()).isFalse();
  }

  @Test
  void withoutConfigSaysNoServerConfigured() throws IOException {
    java.nio.file.Files.delete(cli.state().config());

    Result r = cli.run("sync", "status");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("❌ No server configured.\n");
  }

  @Test
  void checkAgainstAServerThatStallsAfterItsHeadersTimesOut() {
    cli.env("SPEC_KITTY_HTTP_TIMEOUT", "0.5");
    server.stubFor(
        get(urlEqualTo("/api/v1/sync/health/"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"detail\": \"Authentication credentials were not provided.\"}"
                            + " ".repeat(200))
                    .withChunkedDribbleDelay(100, 20_000)));

    long start = System.nanoTime();
    Result r = cli.run("sync", "status", "--check");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).endsWith("Connection   Unreachable (timed out after 0.5s)\n");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aCaptivePortalPageIsNotReachable() {
    server.stubFor(
        get(urlEqualTo("/api/v1/sync/health/"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Sign in to the hotel Wi-Fi</body></html>")));

    Result r = cli.run("sync", "status", "--check");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .endsWith("Connection   Unexpected response (HTTP 200, not a Spec Kitty server)\n");
  }

  @Test
  void aResetConnectionIsCalledAResetConnection() {
    server.stubFor(
        get(urlEqualTo("/api/v1/sync/health/"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    Result r = cli.run("sync", "status", "--check");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).endsWith("Connection   Unreachable (connection reset)\n");
  }
}
