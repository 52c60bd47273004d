package dev.speckitty.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.speckitty.cli.LoopbackServer;
import dev.speckitty.cli.config.ServerUrl;
import dev.speckitty.cli.core.CliException;
import dev.speckitty.cli.core.StatePaths;
import dev.speckitty.cli.http.HttpTransport;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatedClientTest {
  static final RotatingRefresh ROTATING = new RotatingRefresh();

  @RegisterExtension static WireMockExtension server = LoopbackServer.extension(ROTATING);

  @TempDir Path stateDir;

  private final Instant loginTime = Instant.parse("2026-03-01T09:00:00Z");
  private CredentialStore store;
  private ServerUrl url;

  @BeforeEach
  void storeASession() {
    url = ServerUrl.parse(server.baseUrl(), "test");
    store = new CredentialStore(new StatePaths(stateDir));
    store.save(
        new Credentials(
            url,
            "your-email@example.com",
            "kitty-team",
            "old-access",
            loginTime.plus(Duration.ofDays(1)),
            "old-refresh",
            loginTime.plus(Duration.ofDays(7))));
    server.stubFor(
        get(urlEqualTo("/api/v1/sync/health/"))
            .withHeader("Authorization", equalTo("Bearer new-access"))
            .willReturn(okJson("{\"status\": \"ok\"}")));
    server.stubFor(
        get(urlEqualTo("/api/v1/sync/health/"))
            .withHeader("Authorization", equalTo("Bearer old-access"))
            .willReturn(aResponse().withStatus(401)));
  }

  private AuthenticatedClient clientAt(Instant now) {
    return new AuthenticatedClient(
        new HttpTransport(Duration.ofSeconds(5)), store, url, Clock.fixed(now, ZoneOffset.UTC));
  }

  private HttpResponse<byte[]> health(AuthenticatedClient client) throws Exception {
    HttpTransport http = client.transport();
    return client.send(
        bearer ->
            http.request(url.resolve("/api/v1/sync/health/"))
                .header("Authorization", bearer)
                .GET()
                .build());
  }

  private void refreshAnswers(int status, String body) {
    server.stubFor(
        post(urlEqualTo("/api/v1/token/refresh/"))
            .withRequestBody(equalToJson("{\"refresh\": \"old-refresh\"}"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  @Test
  void expiredAccessTokenIsRefreshedBeforeTheRequest() throws Exception {
    refreshAnswers(200, TokenStubs.tokens("new-access", "new-refresh"));
    Instant later = loginTime.plus(Duration.ofHours(25));

    HttpResponse<byte[]> response = health(clientAt(later));

    assertThat(response.statusCode()).isEqualTo(200);
    server.verify(1, postRequestedFor(urlEqualTo("/api/v1/token/refresh/")));
    server.verify(
        0,
        getRequestedFor(urlEqualTo("/api/v1/sync/health/"))
            .withHeader("Authorization", equalTo("Bearer old-access")));
    Credentials renewed = store.load().orElseThrow();
    assertThat(renewed.accessToken()).isEqualTo("new-access");
    assertThat(renewed.refreshToken()).isEqualTo("new-refresh");
    assertThat(renewed.accessExpiresAt()).isEqualTo(later.plus(Duration.ofDays(1)));
    assertThat(renewed.username()).isEqualTo("your-email@example.com");
  }

  @Test
  void accessTokenRejectedByTheServerIsRefreshedAndTheRequestRetried() throws Exception {
    refreshAnswers(200, TokenStubs.tokens("new-access", "new-refresh"));

    HttpResponse<byte[]> response = health(clientAt(loginTime.plusSeconds(60)));

    assertThat(response.statusCode()).isEqualTo(200);
    server.verify(2, getRequestedFor(urlEqualTo("/api/v1/sync/health/")));
  }

  @Test
  void refreshRejectedClearsCredentialsAndSaysSessionExpired() {
    refreshAnswers(401, "{\"detail\": \"Token is invalid or expired\"}");

    assertThatThrownBy(() -> health(clientAt(loginTime.plus(Duration.ofHours(25)))))
        .isInstanceOf(CliException.class)
        .hasMessage("❌ Session expired. Please log in again.");
    assertThat(store.load()).isEmpty();
  }

  @Test
  void expiredRefreshTokenNeedsNoRoundTripToEndTheSession() {
    assertThatThrownBy(() -> health(clientAt(loginTime.plus(Duration.ofDays(8)))))
        .hasMessage("❌ Session expired. Please log in again.");
    server.verify(0, postRequestedFor(urlEqualTo("/api/v1/token/refresh/")));
    assertThat(store.load()).isEmpty();
  }

  @Test
  void withoutSessionTheClientSaysNotAuthenticated() {
    store.clear();

    assertThatThrownBy(() -> health(clientAt(loginTime)))
        .hasMessage("❌ Not authenticated. Run 'spec-kitty auth login' first.");
  }

  @Test
  void sessionForAnotherServerIsNotUsed() {
    AuthenticatedClient other =
        new AuthenticatedClient(
            new HttpTransport(Duration.ofSeconds(5)),
            store,
            ServerUrl.parse("https://other.example.com", "test"),
            Clock.fixed(loginTime, ZoneOffset.UTC));

    assertThatThrownBy(other::session).hasMessageContaining("your session is for " + url);
  }

  @Test
  void twoCommandsRefreshingAtOnceShareOneRefreshAndStayLoggedIn() throws Exception {
    ROTATING.reset();
    server.stubFor(
        post(urlEqualTo("/api/v1/token/refresh/"))
            .willReturn(aResponse().withTransformers("rotating-refresh")));
    Instant later = loginTime.plus(Duration.ofHours(25));
    // Two commands: each its own client and its own view of the credentials file.
    AuthenticatedClient first =
        new AuthenticatedClient(
            new HttpTransport(Duration.ofSeconds(10)),
            new CredentialStore(new StatePaths(stateDir)),
            url,
            Clock.fixed(later, ZoneOffset.UTC));
    AuthenticatedClient second =
        new AuthenticatedClient(
            new HttpTransport(Duration.ofSeconds(10)),
            new CredentialStore(new StatePaths(stateDir)),
            url,
            Clock.fixed(later, ZoneOffset.UTC));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> a = pool.submit(() -> health(first).statusCode());
      Future<Integer> b = pool.submit(() -> health(second).statusCode());

      assertThat(List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS)))
          .containsExactly(200, 200);
    } finally {
      pool.shutdownNow();
    }
    assertThat(ROTATING.calls).hasValue(1);
    Credentials kept = store.load().orElseThrow();
    assertThat(kept.accessToken()).isEqualTo("new-access");
    assertThat(kept.refreshToken()).isEqualTo("new-refresh");
  }
}
