package dev.speckitty.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
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
