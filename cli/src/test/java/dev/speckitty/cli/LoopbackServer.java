package dev.speckitty.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** The WireMock server of the CLI tests: 127.0.0.1 only, on a free port. */
public final class LoopbackServer {
  private LoopbackServer() {}

  public static WireMockExtension extension(Extension... extensions) {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(extensions))
        .build();
  }
}
