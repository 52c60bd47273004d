package dev.doctest.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** As run, a browser step reaches only this machine's servers, and never looks up a name. */
class BrowserAddressTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "http://127.0.0.1:8765/a/kitty-team/dashboards/, true",
    "http://localhost:8080/, true",
    "https://[::1]:8443/x, true",
    "http://203.0.113.9/board, false",
    "http://example.org/, false",
    "'data:text/html,<p>48 events</p>', false",
    "file:///etc/passwd, false"
  })
  void aBrowserStepOpensOnlyLoopback(String url, boolean allowed) {
    assertThat(DocumentRunner.runsServer(url)).isEqualTo(allowed);
  }
}
