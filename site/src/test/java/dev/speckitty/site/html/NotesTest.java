package dev.speckitty.site.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Notes read as prose, with the commands they name set as code. */
class NotesTest {
  @Test
  void backtickedTextBecomesCodeAndNotesJoinIntoOneQuietParagraph() {
    Element note =
        Notes.note(
            List.of(
                "Verified by running `spec-kitty auth login -f` while the server is down.",
                "Its effects were undone before the next step."));

    assertThat(note.outerHtml())
        .isEqualTo(
            "<p class=\"how-verified\">Verified by running <code>spec-kitty auth login -f</code>"
                + " while the server is down. Its effects were undone before the next step.</p>");
  }

  @Test
  void aLoneBacktickStaysText() {
    assertThat(Notes.note(List.of("It's a ` sign.")).text()).isEqualTo("It's a ` sign.");
  }
}
