package dev.speckitty.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemainingTest {
  @ParameterizedTest(name = "{0}s -> {1}")
  @CsvSource({
    "604795, 6d",
    "604800, 7d",
    "86400, 1d",
    "86399, 23h",
    "3600, 1h",
    "3599, 59m",
    "60, 1m",
    "59, 59s",
    "0, 0s",
    "-5, 0s"
  })
  void floorsToTheLargestWholeUnit(long seconds, String shown) {
    assertThat(Remaining.format(Duration.ofSeconds(seconds))).isEqualTo(shown);
  }
}
