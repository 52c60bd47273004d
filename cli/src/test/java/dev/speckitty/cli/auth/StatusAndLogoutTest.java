package dev.speckitty.cli.auth;

import static dev.speckitty.cli.auth.TokenStubs.PASSWORD;
import static dev.speckitty.cli.auth.TokenStubs.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.speckitty.cli.InProcessCli;
import dev.speckitty.cli.InProcessCli.Result;
import dev.speckitty.cli.LoopbackServer;
import dev.speckitty.cli.core.Json;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StatusAndLogoutTest {
  @RegisterExtension static WireMockExtension server = LoopbackServer.extension();

  @RegisterExtension InProcessCli cli = InProcessCli.configuredFor(server);

  @BeforeEach
  void logIn() throws IOException {
    server.stubFor(TokenStubs.loginAccepts(USER, PASSWORD));
    assertThat(cli.runWithStdin(USER + "\n" + PASSWORD + "\n", "auth", "login").exitCode())
        .isZero();
  }

  @Test
  void statusRightAfterLoginShowsTheTutorialLines() {
    cli.advance(Duration.ofSeconds(5));

    Result r = cli.run("auth", "status");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "✅ Authenticated\n"
                + "   Username: your-email@example.com\n"
                + "   Server:   "
                + server.baseUrl()
                + "\n"
                + "   Access token: valid (23h remaining)\n"
                + "   Refresh token: valid (6d remaining)\n");
  }

  @Test
  void statusWithExpiredAccessTokenSaysItWillRefresh() {
    cli.advance(Duration.ofHours(25));

    Result r = cli.run("auth", "status");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("   Access token: expired (will refresh automatically)\n")
        .contains("   Refresh token: valid (5d remaining)\n");
  }

  @Test
  void statusWithExpiredRefreshTokenAsksForLogin() {
    cli.advance(Duration.ofDays(8));

    Result r = cli.run("auth", "status");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("❌ Session expired\n")
        .contains("   Refresh token: expired (re-login required)\n")
        .contains("Run 'spec-kitty auth login'");
  }

  @Test
  void statusWhenTheConfiguredServerChangedSaysLoginIsRequired() throws IOException {
    cli.configure("https://other.example.com");

    Result r = cli.run("auth", "status");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("⚠️  Logged in to a different server than the one configured\n")
        .contains("   Config:   https://other.example.com\n")
        .contains("Run 'spec-kitty auth login'");
  }

  @Test
  void statusJsonCarriesTheSameFactsWithoutTokens() throws IOException {
    cli.advance(Duration.ofHours(1));

    Result r = cli.run("auth", "status", "--json");

    JsonNode json = Json.mapper().readTree(r.out());
    assertThat(json.get("authenticated").asBoolean()).isTrue();
    assertThat(json.get("username").asText()).isEqualTo(USER);
    assertThat(json.get("server").asText()).isEqualTo(server.baseUrl());
    assertThat(json.get("team").asText()).isEqualTo("kitty-team");
    assertThat(json.at("/access_token/remaining_seconds").asLong()).isEqualTo(23 * 3600);
    assertThat(json.at("/refresh_token/valid").asBoolean()).isTrue();
    assertThat(r.out()).doesNotContain("access-token-1", "refresh-token-1");
  }

  @Test
  void logoutClearsCredentialsAndNamesTheUser() {
    Result r = cli.run("auth", "logout");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "✅ Logged out successfully.\n   Cleared credentials for: your-email@example.com\n");
    assertThat(cli.state().credentials()).doesNotExist();
  }

  @Test
  void statusAfterLogoutSaysNotAuthenticated() {
    cli.run("auth", "logout");

    Result r = cli.run("auth", "status");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("❌ Not authenticated\n   Run 'spec-kitty auth login' to authenticate.\n");
  }

  @Test
  void logoutWithoutSessionSaysAlreadyLoggedOut() {
    cli.run("auth", "logout");

    Result r = cli.run("auth", "logout");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("ℹ️  No active session. Already logged out.\n");
  }

  @Test
  void logoutOfADamagedCredentialsFileSaysItRemovedIt() throws IOException {
    java.nio.file.Files.writeString(cli.state().credentials(), "{not json");

    Result r = cli.run("auth", "logout");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "✅ Logged out successfully.\n"
                + "   Removed the damaged credentials file ~/.spec-kitty/credentials.json.\n");
    assertThat(cli.state().credentials()).doesNotExist();
  }
}
