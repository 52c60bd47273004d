package dev.speckitty.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.cli.config.ServerUrl;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {
  private static final ServerUnreachableException PLAIN_HTTP =
      new ServerUnreachableException(Unreachable.PLAIN_HTTP, new IOException("plaintext"));

  /** What the CLI says when the server at {@code configured} answered in plain HTTP. */
  private static List<String> plainHttpAnswerFrom(String configured) {
    return ApiErrors.unreachable(ServerUrl.parse(configured, "test"), PLAIN_HTTP).lines();
  }

  @Test
  void aPlainHttpAnswerFromALocalServerNamesTheHttpUrlToUse() {
    assertThat(plainHttpAnswerFrom("https://[::1]:8765"))
        .containsExactly(
            "❌ The server at https://[::1]:8765 answered in plain HTTP, not HTTPS.",
            "   Use http:// for a local server: http://[::1]:8765");
  }

  @Test
  void aPlainHttpAnswerFromARemoteServerDoesNotOfferPlainHttp() {
    assertThat(plainHttpAnswerFrom("https://team.example.com"))
        .containsExactly(
            "❌ The server at https://team.example.com answered in plain HTTP, not HTTPS.",
            "   Use an http:// URL for a server on this machine, or turn on HTTPS at the server.");
  }
}
