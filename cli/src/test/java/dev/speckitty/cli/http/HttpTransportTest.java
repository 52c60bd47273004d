package dev.speckitty.cli.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.speckitty.cli.LoopbackServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpTransportTest {
  @RegisterExtension static WireMockExtension server = LoopbackServer.extension();

  @Test
  void closingOneTransportLeavesAnotherOnesThreadsAlone() {
    try (HttpTransport other = new HttpTransport(Duration.ofSeconds(1))) {
      HttpTransport closed = new HttpTransport(Duration.ofSeconds(1));

      closed.close();

      assertThat(other.threads()).isNotEmpty().allMatch(Thread::isAlive);
      assertThat(closed.threads()).isNotEmpty().noneMatch(Thread::isAlive);
    }
  }

  @Test
  void aPlainHttpTransportReachesAPlainHttpServer() throws Exception {
    server.stubFor(get("/api/v1/sync/health/").willReturn(okJson("{\"status\": \"ok\"}")));
    try (HttpTransport http = new HttpTransport(Duration.ofSeconds(5), false)) {
      HttpResponse<byte[]> response =
          http.send(http.request(URI.create(server.baseUrl() + "/api/v1/sync/health/")).build());

      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aPlainHttpTransportNeverSpeaksTls() {
    try (HttpTransport http = new HttpTransport(Duration.ofSeconds(5), false)) {
      HttpRequest request =
          http.request(URI.create("https://127.0.0.1:" + server.getPort() + "/")).build();

      assertThatThrownBy(() -> http.send(request))
          .isInstanceOf(ServerUnreachableException.class)
          .hasStackTraceContaining("plain-HTTP server only");
    }
  }

  @Test
  void closingEndsTheClientThreadsSoTheProcessExitsAtOnce() {
    HttpTransport http = new HttpTransport(Duration.ofSeconds(1));
    List<Thread> threads = http.threads();
    assertThat(threads).isNotEmpty().allMatch(Thread::isAlive);

    http.close();

    assertThat(threads).noneMatch(Thread::isAlive);
  }

  @Test
  void classifiesTheJdkNetworkFailures() {
    ConnectException unresolved = new ConnectException();
    unresolved.initCause(new UnresolvedAddressException());

    assertThat(HttpTransport.classify(unresolved)).isEqualTo(Unreachable.UNKNOWN_HOST);
    assertThat(HttpTransport.classify(new ConnectException())).isEqualTo(Unreachable.REFUSED);
    assertThat(HttpTransport.classify(new HttpTimeoutException("request timed out")))
        .isEqualTo(Unreachable.TIMEOUT);
    assertThat(HttpTransport.classify(new HttpConnectTimeoutException("connect timed out")))
        .isEqualTo(Unreachable.TIMEOUT);
    assertThat(HttpTransport.classify(new IOException("Connection reset")))
        .isEqualTo(Unreachable.RESET);
    assertThat(HttpTransport.classify(new IOException("something odd")))
        .isEqualTo(Unreachable.OTHER);
  }
}
