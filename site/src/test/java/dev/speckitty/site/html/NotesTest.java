package dev.speckitty.site.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.site.verify.Report;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

  static Report boardReport(String screenshot) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("board", ".json");
    java.nio.file.Files.writeString(
        file,
        """
        {"format": 2, "document": "how-to/board.md", "passed": true, "steps": [
          {"line": 9, "heading": "See the board", "kind": "browse", "label": "open x",
           "status": "passed", "how_verified": ["Verified in a browser: opened `x`."],
           "browser": {"open": "x", "screenshot": %s}}]}
        """
            .formatted(screenshot == null ? "null" : "\"" + screenshot + "\""));
    try {
      return Report.read(file);
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  @Test
  void aBrowserStepsNoteFollowsTheImageItTook() throws Exception {
    Document html =
        Jsoup.parse(
            "<main><h2>See the board</h2><span class=\"doctest-browser-step\"></span>"
                + "<p><img src=\"images/board.png\"></p><p>After.</p></main>");

    assertThat(Notes.addBrowserNotes(html, boardReport("images/board.png"), "how-to/board.md"))
        .isEmpty();

    assertThat(html.selectFirst("p:has(img) + p.how-verified").text())
        .isEqualTo("Verified in a browser: opened x.");
    assertThat(html.selectFirst("p.how-verified").id())
        .as("the evidence page's link to the step's line lands on its note")
        .isEqualTo("L9");
  }

  @Test
  void withoutAnImageTheNoteTakesThePlaceOfTheAnnotation() throws Exception {
    Document html =
        Jsoup.parse(
            "<main><h2>See the board</h2><p>Before.</p><span class=\"doctest-browser-step\">"
                + "</span><p>After.</p></main>");

    assertThat(Notes.addBrowserNotes(html, boardReport(null), "how-to/board.md")).isEmpty();

    assertThat(html.select("main > *").eachText())
        .containsExactly("See the board", "Before.", "Verified in a browser: opened x.", "After.");
  }

  @Test
  void withoutAnnotationMarksTheNoteEndsItsSection() throws Exception {
    Document html =
        Jsoup.parse(
            "<main><section><h2>See the board</h2><p>Before.</p></section>"
                + "<section><h2>Next</h2></section></main>");

    assertThat(Notes.addBrowserNotes(html, boardReport(null), "how-to/board.md")).isEmpty();

    assertThat(html.select("section").first().select("p").eachText())
        .containsExactly("Before.", "Verified in a browser: opened x.");
  }

  @Test
  void aNoteWithNoPlaceFailsTheBuildAtItsStep() throws Exception {
    Document html = Jsoup.parse("<main><h2>Elsewhere</h2></main>");

    assertThat(Notes.addBrowserNotes(html, boardReport(null), "how-to/board.md"))
        .singleElement()
        .asString()
        .startsWith("docs/how-to/board.md:9: the notes of this browser step have no place");
  }
}
