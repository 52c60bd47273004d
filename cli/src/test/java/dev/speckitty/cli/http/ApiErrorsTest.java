package dev.speckitty.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.cli.config.ServerUrl;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {
  private static final ServerUnreachableException PLAIN_HTTP =
      new ServerUnreachableException(Unreachable.PLAIN_HTTP, new IOException("plaintext"));

  @Test
  void aPlainHttpAnswerFromALocalServerNamesTheHttpUrlToUse() {
    ServerUrl local = ServerUrl.parse("https://[::1]:8765", "test");

    assertThat(ApiErrors.unreachable(local, PLAIN_HTTP).lines())
        .containsExactly(
            "❌ The server at https://[::1]:8765 answered in plain HTTP, not HTTPS.",
            "   Use http:// for a local server: http://[::1]:8765");
  }

  @Test
  void aPlainHttpAnswerFromARemoteServerDoesNotOfferPlainHttp() {
    ServerUrl remote = ServerUrl.parse("https://team.example.com", "test");

    assertThat(ApiErrors.unreachable(remote, PLAIN_HTTP).lines())
        .containsExactly(
            "❌ The server at https://team.example.com answered in plain HTTP, not HTTPS.",
            "   Use an http:// URL for a server on this machine, or turn on HTTPS at the server.");
  }
}
