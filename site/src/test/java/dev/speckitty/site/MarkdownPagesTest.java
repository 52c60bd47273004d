package dev.speckitty.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.parse.Markdown;
import dev.speckitty.site.html.Notes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownPagesTest {
  static final Path DOCS = Path.of("../docs");

  /**
   * Lines a second Markdown reader took for metadata or abbreviations and hid (the checker ran the
   * blocks among them): the site now shows them, as the checker read them.
   */
  @Test
  void linesAnotherMarkdownReaderHidAreShown() {
    String page =
        "keywords: auth\n\n*[zq]: an abbreviation to flexmark\n\n# Title\n\n"
            + "---\ntitle: front matter\n---\n\n```bash\nspec-kitty auth logout\n```\n";

    Document html = xhtml(MarkdownPages.page(page));

    assertThat(html.body().text())
        .contains(
            "keywords: auth",
            "*[zq]: an abbreviation to flexmark",
            "title: front matter",
            "spec-kitty auth logout");
  }

  @Test
  void thePageTitleIsItsFirstHeadingAndTablesAreTables() {
    Document html =
        xhtml(
            MarkdownPages.page(
                "<!-- doctest-document: fixture=configured -->\n# How to *Log Out*\n\n"
                    + "| a | b |\n|---|---|\n| `x \\| y` | 2 |\n"));

    assertThat(html.selectFirst("title").text()).isEqualTo("How to Log Out");
    assertThat(html.select("td code").text()).isEqualTo("x | y");
  }

  /** Doxia drops comments from XHTML pages: a browser step's annotation leaves a mark instead. */
  @Test
  void aBrowserStepLeavesAMarkForItsNotesAndOtherCommentsStayComments() {
    Document html =
        xhtml(
            MarkdownPages.page(
                "# T\n\nBefore.\n\n<!-- doctest-browser: open=http://x/ see=\"y\" -->\n\n"
                    + "<!-- a note to writers -->\n\nAfter.\n"));

    assertThat(html.select("div." + Notes.BROWSER_MARK)).hasSize(1);
    assertThat(html.select("div." + Notes.BROWSER_MARK).first().previousElementSibling().text())
        .isEqualTo("Before.");
    assertThat(html.outerHtml()).contains("<!-- a note to writers -->").doesNotContain("open=");
  }

  /** Every docs page renders exactly the code blocks the checker's reader finds, in order. */
  @Test
  void everyDocsPageShowsTheCodeBlocksTheCheckerReads(@TempDir Path out) throws Exception {
    MarkdownPages.main(new String[] {DOCS.toString(), out.toString()});
    List<Path> pages;
    try (Stream<Path> all = Files.walk(DOCS)) {
      pages = all.filter(p -> p.toString().endsWith(".md")).toList();
    }
    assertThat(pages).hasSizeGreaterThan(5);
    for (Path page : pages) {
      String name = DOCS.relativize(page).toString().replaceFirst("\\.md$", ".xhtml");
      Document html = xhtml(Files.readString(out.resolve(name)));
      List<String> shown = html.select("pre > code").stream().map(Element::wholeText).toList();

      assertThat(shown).as(page.toString()).isEqualTo(blocks(Files.readString(page)));
    }
  }

  private static List<String> blocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Markdown.parser()
        .build()
        .parse(markdown)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(FencedCodeBlock code) {
                blocks.add(code.getLiteral());
              }

              @Override
              public void visit(IndentedCodeBlock code) {
                blocks.add(code.getLiteral());
              }
            });
    return blocks;
  }

  /** Parsed as XML, as Doxia reads the file. */
  private static Document xhtml(String text) {
    return Jsoup.parse(text, "", Parser.xmlParser());
  }
}
