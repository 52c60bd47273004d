package dev.speckitty.cli.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FailureTest {
  @Test
  void placeholdersAreFilledByName() {
    CliException e = Failure.UNREACHABLE.with("server", "https://team.example.com");

    assertThat(e.lines())
        .containsExactly(
            "❌ Cannot reach server. Check your connection.", "   Server: https://team.example.com");
    assertThat(e.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(e.failure()).isEqualTo(Failure.UNREACHABLE);
  }

  @Test
  void aMissingValueIsABugNotAMessageWithABrace() {
    assertThatThrownBy(() -> Failure.UNREACHABLE.with("srever", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{server}");
  }

  @Test
  void valuesLoseTheirControlCharacters() {
    CliException e =
        Failure.REFUSED_WITH_DETAIL.with("status", 400, "detail", "bad\u001b]0;owned\u0007 input");

    assertThat(e.lines().get(1)).isEqualTo("   bad]0;owned input");
  }

  @Test
  void everyEntryReadsAsAFailureOrAWarningAndNamesItsCode() {
    for (Failure f : Failure.values()) {
      String first = f.template().get(0);
      assertThat(first)
          .as(f.name())
          .matches(f.isWarning() ? "⚠ .+" : f.name().startsWith("QUEUED_") ? " {3}\\S.+" : "❌ .+");
      f.template().subList(1, f.template().size()).forEach(l -> assertThat(l).startsWith("   "));
    }
  }

  @Test
  void aWarningCannotStopACommand() {
    assertThat(Failure.values()).filteredOn(Failure::isWarning).isNotEmpty();
    for (Failure f : Failure.values()) {
      if (f.isWarning()) {
        assertThatThrownBy(f::with).isInstanceOf(IllegalStateException.class);
      }
    }
  }
}
