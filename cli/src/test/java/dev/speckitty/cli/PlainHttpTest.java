package dev.speckitty.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.speckitty.cli.auth.CredentialStore;
import dev.speckitty.cli.auth.Credentials;
import dev.speckitty.cli.config.ServerUrl;
import dev.speckitty.cli.queue.TestEvents;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reader who writes {@code https://} for the sandbox, which speaks plain HTTP (it prints {@code
 * http://127.0.0.1:8765}): every command that talks to the server says so, with the URL to use.
 */
class PlainHttpTest {
  @RegisterExtension static WireMockExtension server = LoopbackServer.extension();

  @RegisterExtension InProcessCli cli = new InProcessCli();

  private String https;
  private String http;

  @BeforeEach
  void configureHttpsForAPlainHttpServer() throws IOException {
    http = "http://127.0.0.1:" + server.getPort();
    https = "https://127.0.0.1:" + server.getPort();
    cli.configure(https);
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)));
  }

  private String plainHttp() {
    return "❌ The server at "
        + https
        + " answered in plain HTTP, not HTTPS.\n"
        + "   Use http:// for a local server: "
        + http
        + "\n";
  }

  @Test
  void authLoginSaysPlainHttpAndTheUrlToUse() {
    InProcessCli.Result r = cli.runWithStdin("reader@spec-kitty.test\nkitty-42\n", "auth", "login");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo(plainHttp());
    assertThat(cli.state().credentials()).doesNotExist();
  }

  @Test
  void syncStatusCheckSaysPlainHttpAndTheUrlToUse() {
    InProcessCli.Result r = cli.run("sync", "status", "--check");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).endsWith("Connection   Unreachable (plain HTTP at an https:// URL)\n");
    assertThat(r.err()).isEqualTo(plainHttp());
  }

  @Test
  void syncStatusCheckAsJsonStaysJsonAlone() {
    InProcessCli.Result r = cli.run("sync", "status", "--check", "--json");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("\"label\": \"Unreachable (plain HTTP at an https:// URL)\"");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void syncNowWithASessionForTheHttpsUrlSaysPlainHttpAndTheUrlToUse() throws IOException {
    logInTo(https, cli.now().plus(Duration.ofDays(1)));
    TestEvents.queue(cli.state().queue(), 2, cli.now());

    InProcessCli.Result r = cli.run("sync", "now");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("Syncing with " + https + "...\n");
    assertThat(r.err())
        .isEqualTo(
            plainHttp() + "   2 events remain queued; run 'spec-kitty sync" + " now' again.\n");
  }

  @Test
  void syncNowThatMustRefreshFirstSaysPlainHttpToo() throws IOException {
    logInTo(https, cli.now().minusSeconds(1));

    InProcessCli.Result r = cli.run("sync", "now");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith(plainHttp());
    assertThat(cli.state().credentials()).exists();
  }

  @Test
  void authStatusAsksNoServerAndPointsAtLoginWhichSaysPlainHttp() throws IOException {
    logInTo(http, cli.now().plus(Duration.ofDays(1)));

    InProcessCli.Result r = cli.run("auth", "status");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("⚠️  Logged in to a different server than the one configured\n")
        .contains("   Config:   " + https + "\n")
        .endsWith("   Run 'spec-kitty auth login' to authenticate with the configured server.\n");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  private void logInTo(String url, java.time.Instant accessExpiresAt) {
    new CredentialStore(cli.state())
        .save(
            new Credentials(
                ServerUrl.parse(url, "test"),
                "reader@spec-kitty.test",
                "kitty-team",
                "access-1",
                accessExpiresAt,
                "refresh-1",
                cli.now().plus(Duration.ofDays(7))));
  }
}
