package dev.speckitty.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;

/** The WireMock server of the CLI tests: 127.0.0.1 only, on a free port. */
public final class LoopbackServer {
  private LoopbackServer() {}

  public static WireMockExtension extension(Extension... extensions) {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(extensions))
        .build();
  }

  /**
   * The URL of a loopback port that was free a moment ago and that nothing listens on now: the
   * "server is down" case of the login and sync tests.
   */
  public static String closedPortUrl() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return "http://127.0.0.1:" + s.getLocalPort();
    }
  }
}
