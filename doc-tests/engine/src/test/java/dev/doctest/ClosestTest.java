package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.prose.Closest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClosestTest {
  static final List<String> OPTIONS =
      List.of("-u", "--username", "--json", "--help", "--force", "--check");

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "--user, --username", // shortened: not --json, though that is fewer edits away
    "--usernme, --username", // a letter missing
    "--jsno, --json", // two letters swapped
    "--forse, --force",
    "-U, -u",
    "--chek, --check"
  })
  void theClosestOptionIsTheOneAReaderMeant(String written, String meant) {
    assertThat(Closest.to(written, OPTIONS)).contains(meant);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "FAKE_TIMEOUT, FAKE_HTTP_TIMEOUT", // a word left out
    "FAKE_URL, FAKE_SERVER_URL", // a word left out, though FAKE_DEBUG is as few edits away
    "FAKE_DEBUGG, FAKE_DEBUG",
    "logon, login"
  })
  void theClosestNameWinsForVariablesAndCommandsToo(String written, String meant) {
    assertThat(
            Closest.to(
                written,
                List.of(
                    "FAKE_HTTP_TIMEOUT",
                    "FAKE_SERVER_URL",
                    "FAKE_DEBUG",
                    "login",
                    "logout",
                    "status")))
        .contains(meant);
  }

  @org.junit.jupiter.api.Test
  void withNothingKnownThereIsNoSuggestion() {
    assertThat(Closest.to("--user", List.of())).isEmpty();
    assertThat(Closest.didYouMean("--user", List.of())).isEmpty();
    assertThat(Closest.didYouMean("--user", OPTIONS)).isEqualTo("; did you mean `--username`?");
  }
}
