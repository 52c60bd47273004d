package dev.speckitty.site.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * On a verified page readers take every picture for verified: only the image a browser step of the
 * page took in this build may be shown; any other is a problem at its line.
 */
class ImageCheckTest {
  static final String SOURCE =
      """
      # The board

      <!-- doctest-browser: open=https://x.example.com/board screenshot=images/board.png -->
      ![The board](images/board.png)

      ![A terminal](images/fake-terminal.png)

      ![Inline](data:image/png;base64,iVBORw0KGgo=)
      """;

  static Report report() {
    Report.Step browse =
        new Report.Step(
            3,
            "The board",
            "browse",
            "open x",
            "passed",
            1,
            List.of(),
            null,
            List.of("Verified in a browser."),
            null,
            null,
            new Report.Browser(
                "https://x.example.com/board",
                "images/board.png",
                "images/how-to/images/board.png"));
    return new Report(
        2,
        "how-to/board.md",
        "The board",
        true,
        true,
        "2026-01-01T00:00:00Z",
        1,
        null,
        null,
        null,
        null,
        null,
        null,
        1,
        1,
        List.of(browse),
        null);
  }

  static Document html(String... srcs) {
    StringBuilder main = new StringBuilder("<main><h1>The board</h1>");
    for (String src : srcs) {
      main.append("<p><img src=\"").append(src).append("\" alt=\"x\"></p>");
    }
    return Jsoup.parse(main.append("</main>").toString());
  }

  @Test
  void theImageTheBrowserStepTookIsNoProblem() {
    assertThat(
            ImageCheck.problems(
                html("images/board.png", "./images/board.png"),
                report(),
                "how-to/board.md",
                SOURCE))
        .isEmpty();
  }

  @Test
  void anotherImageIsAProblemAtItsLine() {
    assertThat(
            ImageCheck.problems(
                html("images/fake-terminal.png"), report(), "how-to/board.md", SOURCE))
        .singleElement()
        .asString()
        .startsWith("docs/how-to/board.md:6: the page shows the image images/fake-terminal.png")
        .contains("readers would take it for verified");
  }

  @Test
  void anInlineDataImageIsAProblemAtItsLine() {
    assertThat(
            ImageCheck.problems(
                html("data:image/png;base64,iVBORw0KGgo="), report(), "how-to/board.md", SOURCE))
        .singleElement()
        .asString()
        .startsWith("docs/how-to/board.md:8: the page shows the image data:image/png;base64,");
  }

  @Test
  void theSkinsOwnImagesAreNotThePages() {
    Document html =
        Jsoup.parse(
            "<div id=\"poweredBy\"><img src=\"./images/logos/maven-feather.png\"></div><main></main>");

    assertThat(ImageCheck.problems(html, report(), "how-to/board.md", SOURCE)).isEmpty();
  }
}
