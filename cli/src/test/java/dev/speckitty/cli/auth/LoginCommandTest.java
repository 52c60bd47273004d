package dev.speckitty.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.speckitty.cli.auth.TokenStubs.PASSWORD;
import static dev.speckitty.cli.auth.TokenStubs.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.speckitty.cli.InProcessCli;
import dev.speckitty.cli.InProcessCli.Result;
import dev.speckitty.cli.LoopbackServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginCommandTest {
  @RegisterExtension static WireMockExtension server = LoopbackServer.extension();

  @RegisterExtension InProcessCli cli = InProcessCli.configuredFor(server);

  /** Runs {@code auth login} with {@link TokenStubs#USER} and its password typed on stdin. */
  private Result logIn() {
    return cli.runWithStdin(USER + "\n" + PASSWORD + "\n", "auth", "login");
  }

  /** Logs in as {@link #logIn()} does, asserts the exit code and returns standard error. */
  private String loginStderr(int expectedExitCode) {
    Result r = logIn();
    assertThat(r.exitCode()).isEqualTo(expectedExitCode);
    return r.err();
  }

  @Test
  void loginReadsUsernameAndPasswordFromStdinAndPrintsSuccess() {
    server.stubFor(TokenStubs.loginAccepts(USER, PASSWORD));

    Result r = logIn();

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "Authenticating with "
                + server.baseUrl()
                + "...\n"
                + "✅ Login successful!\n"
                + "   Logged in as: your-email@example.com\n");
    assertThat(r.err()).isEmpty();
    assertThat(cli.state().credentials()).exists();
  }

  @Test
  void loginWithWrongPasswordPrintsInvalidCredentialsAndWritesNothing() {
    server.stubFor(
        TokenStubs.loginAnswers(401, "application/json", "{\"detail\": \"No active account\"}"));

    Result r = cli.runWithStdin(USER + "\nwrong\n", "auth", "login");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "❌ Invalid username or password\n   Please check your credentials and try again.\n");
    assertThat(cli.state().credentials()).doesNotExist();
  }

  @Test
  void loginWhenNothingListensPrintsCannotReachServer() throws IOException {
    String closed = LoopbackServer.closedPortUrl();
    cli.configure(closed);

    assertThat(loginStderr(1))
        .isEqualTo("❌ Cannot reach server. Check your connection.\n   Server: " + closed + "\n");
    assertThat(cli.state().credentials()).doesNotExist();
  }

  @Test
  void loginThatTimesOutPrintsCannotReachServer() {
    server.stubFor(
        TokenStubs.loginAccepts(USER, PASSWORD)
            .willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
    cli.env("SPEC_KITTY_HTTP_TIMEOUT", "0.3");

    assertThat(loginStderr(1)).startsWith("❌ Cannot reach server. Check your connection.\n");
  }

  @Test
  void loginWhenServerFailsPrintsTemporarilyUnavailable() {
    server.stubFor(TokenStubs.loginAnswers(500, "application/json", "{\"detail\": \"boom\"}"));

    assertThat(loginStderr(1))
        .isEqualTo(
            "❌ Server temporarily unavailable (HTTP 500)\n   Please try again in a few minutes.\n");
  }

  @Test
  void loginWithHtmlBodyPrintsInvalidServerResponse() {
    server.stubFor(TokenStubs.loginAnswers(200, "text/html", "<html><body>Welcome</body></html>"));

    assertThat(loginStderr(1)).isEqualTo("❌ Invalid server response (HTTP 200)\n");
    assertThat(cli.state().credentials()).doesNotExist();
  }

  @Test
  void loginWithJsonMissingTokensPrintsInvalidServerResponse() {
    server.stubFor(TokenStubs.loginAnswers(200, "application/json", "{\"access\": \"only\"}"));

    Result r = logIn();

    assertThat(r.err()).isEqualTo("❌ Invalid server response (HTTP 200)\n");
  }

  @Test
  void loginWhenAlreadyAuthenticatedSaysSoWithoutAsking() {
    server.stubFor(TokenStubs.loginAccepts(USER, PASSWORD));
    logIn();
    server.resetRequests();

    Result r = cli.runWithStdin("", "auth", "login");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "✅ Already authenticated as your-email@example.com.\n"
                + "   Use --force to log in again, or 'spec-kitty auth logout' first.\n");
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void loginWithForceLogsInAgain() {
    server.stubFor(TokenStubs.loginAccepts(USER, PASSWORD));
    logIn();

    Result r = cli.runWithStdin(USER + "\n" + PASSWORD + "\n", "auth", "login", "--force");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("✅ Login successful!");
    server.verify(2, postRequestedFor(urlEqualTo("/api/v1/token/")));
  }

  @Test
  void loginWithUsernameOptionAndPasswordStdinReadsOnlyThePassword() {
    server.stubFor(TokenStubs.loginAccepts(USER, PASSWORD));

    Result r = cli.runWithStdin(PASSWORD + "\n", "auth", "login", "-u", USER, "--password-stdin");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("   Logged in as: your-email@example.com\n");
  }

  @Test
  void passwordStdinWithoutUsernameIsAUsageError() {
    Result r = cli.runWithStdin(PASSWORD + "\n", "auth", "login", "--password-stdin");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--password-stdin needs --username");
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void loginWithEmptyStdinSaysWhatIsMissing() {
    Result r = cli.runWithStdin("", "auth", "login");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("❌ No username on standard input (it was empty or closed).\n");
  }

  @Test
  void loginRefusesPlainHttpToANonLoopbackHostWithoutSendingAnything() throws IOException {
    cli.configure("http://your-server.example.com");

    Result r = logIn();

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("❌ Refusing insecure server URL http://your-server.example.com")
        .contains("Use https://");
    assertThat(r.out()).doesNotContain("Authenticating");
  }

  @Test
  void loginWithoutConfigPrintsNoServerConfiguredAndWhatToWrite() throws IOException {
    Files.delete(cli.state().config());

    assertThat(loginStderr(2))
        .isEqualTo(
            "❌ No server configured.\n"
                + "   Add a [server] section with url = \"https://your-server.example.com\" to"
                + " ~/.spec-kitty/config.toml (or set SPEC_KITTY_SERVER_URL).\n");
  }

  @Test
  void configWithoutUrlKeyCountsAsNoServerAndNamesTheKeyItHas() throws IOException {
    cli.writeConfig("[server]\nname = \"team\"\n");

    assertThat(loginStderr(2))
        .startsWith(
            "⚠ Unknown setting 'name' in ~/.spec-kitty/config.toml:2\n"
                + "❌ No server configured.\n");
  }

  @Test
  void malformedConfigNamesTheFileAndLine() throws IOException {
    cli.writeConfig("[server]\nurl = \"https://x.example.com\n");

    assertThat(loginStderr(2))
        .isEqualTo(
            "❌ Malformed config file ~/.spec-kitty/config.toml: missing closing \" at line 2.\n"
                + "   Line 2: url = \"https://x.example.com\n"
                + "   Expected TOML such as:  [server]  url = \"https://your-server.example.com\"\n");
  }

  @Test
  void environmentVariableOverridesTheConfigFile() throws IOException {
    cli.configure("https://ignored.example.com");
    cli.env("SPEC_KITTY_SERVER_URL", server.baseUrl());
    server.stubFor(TokenStubs.loginAccepts(USER, PASSWORD));

    Result r = logIn();

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Authenticating with " + server.baseUrl() + "...\n");
  }

  @Test
  void credentialsAreOwnerOnlyEvenWhenTheDirectoryWasCreatedOpen() throws IOException {
    Files.setPosixFilePermissions(cli.state().dir(), PosixFilePermissions.fromString("rwxr-xr-x"));
    server.stubFor(TokenStubs.loginAccepts(USER, PASSWORD));

    logIn();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.state().dir())))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.state().credentials())))
        .isEqualTo("rw-------");
    try (var files = Files.list(cli.state().dir())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary file is left behind")
          .allMatch(n -> !n.endsWith(".tmp"));
    }
  }

  @Test
  void tokensAndPasswordNeverAppearInAnyOutput() {
    server.stubFor(TokenStubs.loginAccepts(USER, PASSWORD));
    String everything =
        logIn().all()
            + cli.run("auth", "status").all()
            + cli.run("auth", "status", "--json").all()
            + cli.run("auth", "logout").all();

    assertThat(everything)
        .contains("your-email@example.com")
        .doesNotContain("access-token-1", "refresh-token-1", PASSWORD);
  }

  @Test
  void aTokenAnswerThatTricklesInIsCutOffAtTheTimeout() {
    cli.env("SPEC_KITTY_HTTP_TIMEOUT", "0.5");
    server.stubFor(
        post(urlEqualTo("/api/v1/token/"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TokenStubs.tokens("a", "r"))
                    .withChunkedDribbleDelay(100, 20_000)));

    long start = System.nanoTime();

    assertThat(loginStderr(1)).startsWith("❌ Cannot reach server. Check your connection.\n");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(cli.state().credentials()).doesNotExist();
  }

  @Test
  void aPortOutOfRangeIsAConfigErrorNotACrash() throws IOException {
    cli.configure("http://127.0.0.1:99999");

    assertThat(loginStderr(2))
        .isEqualTo(
            "❌ Invalid server URL 'http://127.0.0.1:99999' (from ~/.spec-kitty/config.toml): the"
                + " port must be from 1 to 65535.\n");
  }

  @Test
  void aTokenLifetimeBeyondReasonIsAnInvalidResponseNotACrash() {
    server.stubFor(
        TokenStubs.loginAnswers(
            200,
            "application/json",
            TokenStubs.tokens("a", "r")
                .replace(
                    "\"access_expires_in\": 86400", "\"access_expires_in\": 9223372036854775807")));

    assertThat(loginStderr(1)).isEqualTo("❌ Invalid server response (HTTP 200)\n");
    assertThat(cli.state().credentials()).doesNotExist();
  }

  @Test
  void aBadRequestIsRefusedWithTheServersReasonNotUnavailable() {
    server.stubFor(
        TokenStubs.loginAnswers(
            400, "application/json", "{\"detail\": \"username: This field is required.\"}"));

    assertThat(loginStderr(1))
        .isEqualTo(
            "❌ Server refused the request (HTTP 400)\n   username: This field is required.\n");
  }

  @Test
  void forbiddenIsRefusedNotUnavailable() {
    server.stubFor(TokenStubs.loginAnswers(403, "text/html", "<h1>Forbidden</h1>"));

    Result r = logIn();

    assertThat(r.err()).isEqualTo("❌ Server refused the request (HTTP 403)\n");
  }

  @Test
  void aRedirectSaysWhereToAndThatItIsNotFollowed() {
    server.stubFor(
        post(urlEqualTo("/api/v1/token/"))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", "https://sso.example.com/login")));

    assertThat(loginStderr(1))
        .isEqualTo(
            "❌ The server redirected the request (HTTP 302 to https://sso.example.com/login).\n"
                + "   spec-kitty does not follow redirects: check the server URL (its scheme and"
                + " path).\n");
  }

  @Test
  void anHttpsUrlToAPlainHttpServerSaysSo() throws IOException {
    String https = "https://localhost:" + server.getPort();
    cli.configure(https);

    assertThat(loginStderr(1))
        .isEqualTo(
            "❌ The server at "
                + https
                + " answered in plain HTTP, not HTTPS.\n"
                + "   Use http:// for a local server: http://localhost:"
                + server.getPort()
                + "\n");
  }

  @Test
  void aConfigFileThatIsNotUtf8NamesTheLineAndTheByte() throws IOException {
    Files.write(
        cli.state().config(),
        "[server]\nurl = \"https://caf\u00e9.example.com\"\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    assertThat(loginStderr(2))
        .isEqualTo(
            "❌ "
                + cli.state().config()
                + ":2 is not valid UTF-8 (byte 0xE9).\n"
                + "   Save the file with UTF-8 encoding.\n");
  }

  @Test
  void anUnknownSettingIsNamedWithItsLineAndASuggestion() throws IOException {
    cli.writeConfig(
        "[server]\nulr = \"https://typo.example.com\"\nurl = \"" + server.baseUrl() + "\"\n");
    server.stubFor(TokenStubs.loginAccepts(USER, PASSWORD));

    assertThat(loginStderr(0))
        .isEqualTo(
            "⚠ Unknown setting 'ulr' in ~/.spec-kitty/config.toml:2 (did you mean 'url'?)\n");
  }

  @Test
  void anUnknownSectionIsNamedToo() throws IOException {
    cli.writeConfig("[sever]\nurl = \"https://typo.example.com\"\n");

    assertThat(loginStderr(2))
        .startsWith(
            "⚠ Unknown setting '[sever]' in ~/.spec-kitty/config.toml:1 (did you mean"
                + " '[server]'?)\n❌ No server configured.\n");
  }

  @ParameterizedTest(name = "SPEC_KITTY_HTTP_TIMEOUT={0} is refused")
  @ValueSource(strings = {"NaN", "-1", "0", "Infinity", "1e10", "soon"})
  void aTimeoutThatIsNotAUsableNumberOfSecondsIsAUsageError(String value) {
    cli.env("SPEC_KITTY_HTTP_TIMEOUT", value);

    assertThat(loginStderr(2))
        .isEqualTo(
            "❌ SPEC_KITTY_HTTP_TIMEOUT must be a number of seconds from 0.001 to 3600, not '"
                + value
                + "'.\n");
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
