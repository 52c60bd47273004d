package dev.speckitty.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.speckitty.cli.core.CliException;
import dev.speckitty.cli.core.ExitCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerUrlTest {
  @ParameterizedTest(name = "{0} is accepted as {1}")
  @CsvSource({
    "https://your-server.example.com, https://your-server.example.com",
    "https://your-server.example.com/, https://your-server.example.com",
    "https://example.com/team/, https://example.com/team",
    "http://localhost:8080, http://localhost:8080",
    "http://127.0.0.1:9999, http://127.0.0.1:9999",
    "http://127.1.2.3, http://127.1.2.3",
    "http://[::1]:8080, http://[::1]:8080"
  })
  void acceptsHttpsAndLoopbackHttp(String raw, String value) {
    assertThat(ServerUrl.parse(raw, "test").value()).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(
      strings = {
        "http://your-server.example.com",
        "http://10.0.0.1",
        "http://128.0.0.1",
        "http://localhost.example.com",
        "ftp://example.com",
        "your-server.example.com",
        "https://example.com/?q=1",
        "https://exa mple.com"
      })
  void refusesAnythingElse(String raw) {
    assertThatThrownBy(() -> ServerUrl.parse(raw, "test"))
        .isInstanceOf(CliException.class)
        .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCode.USAGE));
  }

  @org.junit.jupiter.api.Test
  void theInsecureUrlMessageNamesEveryLoopbackAddressThatIsAllowed() {
    assertThatThrownBy(() -> ServerUrl.parse("http://10.0.0.1", "test"))
        .hasMessage(
            "❌ Refusing insecure server URL http://10.0.0.1 (from test).\n"
                + "   Use https:// — plain http:// is allowed only for localhost, 127.0.0.0/8 and"
                + " [::1].");
  }

  @ParameterizedTest(name = "{0} is missing its scheme: {1}")
  @CsvSource({
    "your-server.example.com, https://your-server.example.com",
    "team.example.com/spec-kitty/, https://team.example.com/spec-kitty",
    "127.0.0.1:8765, http://127.0.0.1:8765",
    "localhost:8765, http://localhost:8765",
    "https//team.example.com, https://team.example.com",
    "https:/team.example.com, https://team.example.com",
    "http:127.0.0.1:8765, http://127.0.0.1:8765"
  })
  void aUrlWithoutItsSchemeSaysWhichSchemeToAdd(String raw, String example) {
    assertThatThrownBy(() -> ServerUrl.parse(raw, "~/.spec-kitty/config.toml"))
        .isInstanceOf(CliException.class)
        .hasMessage(
            "❌ The server URL '"
                + raw
                + "' (from ~/.spec-kitty/config.toml) does not start with https://.\n"
                + "   Add https:// (or http:// for a local server): "
                + example);
  }

  @ParameterizedTest(name = "{0} has a port out of range")
  @ValueSource(
      strings = {"http://127.0.0.1:99999", "https://example.com:0", "https://example.com:65536"})
  void portsOutOfRangeAreRefused(String raw) {
    assertThatThrownBy(() -> ServerUrl.parse(raw, "test"))
        .hasMessageEndingWith("the port must be from 1 to 65535.");
  }
}
