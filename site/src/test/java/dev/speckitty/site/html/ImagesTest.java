package dev.speckitty.site.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.site.verify.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers see the screenshot this build took; every other image comes from docs/ or fails. */
class ImagesTest {
  @TempDir Path temp;
  Path docs;
  Path site;
  Path reports;
  Path page;

  static final String BOARD_STEP =
      """
      {"format": 2, "document": "how-to/board.md", "passed": true, "steps": [
        {"line": 9, "heading": "See the board", "kind": "browse", "label": "open x",
         "status": "passed", "how_verified": ["Verified in a browser: opened `x`."],
         "browser": {"open": "x", "screenshot": "images/board.png",
                     "fresh_image": "images/how-to/images/board.png"}}]}
      """;

  @BeforeEach
  void layout() throws Exception {
    docs = Files.createDirectories(temp.resolve("docs/how-to/images")).getParent().getParent();
    site = Files.createDirectories(temp.resolve("site/how-to"));
    reports = temp.resolve("reports");
    Files.createDirectories(reports.resolve("images/how-to/images"));
    page = site.resolve("board.html");
    Files.writeString(docs.resolve("how-to/images/board.png"), "the page's copy");
    Files.writeString(reports.resolve("images/how-to/images/board.png"), "taken by this build");
    Files.writeString(reports.resolve("board.md.json"), BOARD_STEP);
  }

  static Document html(String src) {
    return Jsoup.parse("<main><h1>Board</h1><p><img src=\"" + src + "\" alt=\"b\"></p></main>");
  }

  /** Publishes the board page showing the image {@code src}: the problems found. */
  List<String> publishBoard(String src, Optional<Report> report) {
    return Images.publish(html(src), page, docs, "how-to/board.md", report, reports);
  }

  @Test
  void theImageABrowserStepTookIsPublishedRatherThanThePagesCopy() throws Exception {
    Report report = Report.read(reports.resolve("board.md.json"));

    assertThat(publishBoard("images/board.png", Optional.of(report))).isEmpty();

    assertThat(site.resolve("images/board.png")).hasContent("taken by this build");
  }

  @Test
  void withoutAVerifiedReportTheImageComesFromDocs() throws Exception {
    assertThat(publishBoard("images/board.png", Optional.empty())).isEmpty();

    assertThat(site.resolve("images/board.png")).hasContent("the page's copy");
  }

  @Test
  void theSkinsOwnImagesAreNotThePages() {
    Document html =
        Jsoup.parse(
            "<div id=\"poweredBy\"><img src=\"./images/logos/maven-feather.png\"></div><main></main>");

    assertThat(Images.publish(html, page, docs, "how-to/board.md", Optional.empty(), reports))
        .isEmpty();
  }

  @Test
  void anImageThatIsNowhereFailsAtItsPage() {
    assertThat(publishBoard("images/lanes.png", Optional.empty()))
        .containsExactly(
            "docs/how-to/board.md: shows the image images/lanes.png, which is not in docs/");
  }

  @Test
  void aScreenshotTheReportsLackFailsAtItsPage() throws Exception {
    Report report = Report.read(reports.resolve("board.md.json"));
    Files.delete(reports.resolve("images/how-to/images/board.png"));

    assertThat(publishBoard("images/board.png", Optional.of(report)))
        .singleElement()
        .asString()
        .startsWith(
            "docs/how-to/board.md: shows the image images/board.png, which its browser step should"
                + " have taken");
  }

  @Test
  void anImageFromOutsideDocsIsRefused() {
    assertThat(publishBoard("../../secret.png", Optional.empty()))
        .containsExactly("docs/how-to/board.md: the image ../../secret.png is outside docs/");
  }
}
