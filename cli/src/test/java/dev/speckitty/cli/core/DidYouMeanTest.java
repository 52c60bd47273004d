package dev.speckitty.cli.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DidYouMeanTest {
  private static final List<String> WORDS =
      List.of("init", "specify", "plan", "tasks", "move", "auth", "sync", "login", "logout", "now");

  @ParameterizedTest(name = "{0} -> [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "auht     | auth",
        "snyc     | sync",
        "specfy   | specify",
        "spceify  | specify",
        "tsaks    | tasks",
        "log      | login logout",
        "spec     | specify",
        "nwo      | now",
        "foo      | ''",
        "mvoe     | move",
        "planning | ''",
        "x        | ''",
      })
  void suggestsOnlyWhatIsClose(String word, String expected) {
    List<String> want = expected.isBlank() ? List.of() : Arrays.asList(expected.strip().split(" "));

    assertThat(DidYouMean.closest(word, WORDS)).isEqualTo(want);
  }
}
