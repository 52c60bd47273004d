package dev.speckitty.cli.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerTextTest {
  @Test
  void escapeSequencesLoseTheirEscapeAndBellCharacters() {
    assertThat(ServerText.sanitize("\u001b]0;title\u0007\u001b[2Jlocked"))
        .isEqualTo("]0;title[2Jlocked");
  }

  @Test
  void c1ControlsAndDeleteAreRemovedTooAndBidiOverrides() {
    assertThat(ServerText.sanitize("a\u009b31mb\u007fc\u202eevil\u2066d")).isEqualTo("a31mbcevild");
  }

  @Test
  void tabsAndLineBreaksBecomeOneSpace() {
    assertThat(ServerText.sanitize("one\ttwo\r\nthree")).isEqualTo("one two three");
  }

  @Test
  void longTextIsCappedAtTwoHundredCharactersWithAnEllipsis() {
    String capped = ServerText.sanitize("z".repeat(2_000_000));

    assertThat(capped).hasSize(200).endsWith("z…");
  }

  @Test
  void textWithinTheCapIsKeptWhole() {
    assertThat(ServerText.sanitize("aggregate 004-comments is locked by another change"))
        .isEqualTo("aggregate 004-comments is locked by another change");
  }
}
