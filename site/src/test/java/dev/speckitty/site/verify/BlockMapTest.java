package dev.speckitty.site.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Rendered code blocks pair with the report's blocks by text, in page order. */
class BlockMapTest {
  static final String SOURCE =
      """
      # Page

      ```bash
      spec-kitty sync now
      ```

      ```bash
      spec-kitty sync now
      ```

      <pre>spec-kitty hidden</pre>
      """;

  static Report report(Report.Block... blocks) {
    List<Report.Step> steps =
        java.util.Arrays.stream(blocks)
            .map(
                b ->
                    new Report.Step(
                        b.line(),
                        "Page",
                        "command",
                        "x",
                        "passed",
                        1,
                        List.of(b),
                        null,
                        null,
                        null,
                        null,
                        null))
            .toList();
    return new Report(
        2,
        "t.md",
        "Page",
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
        steps,
        null);
  }

  @Test
  void identicalBlocksPairInPageOrderDespiteTrailingSpacesAndCarriageReturns() {
    Document html =
        Jsoup.parse(
            "<main><pre><code>spec-kitty sync now  \r\n</code></pre>"
                + "<pre><code>spec-kitty sync now\n</code></pre></main>");
    Report report =
        report(
            new Report.Block(3, "command", "spec-kitty sync now"),
            new Report.Block(7, "command", "spec-kitty sync now"));

    BlockMap.Result result = BlockMap.of(html, report, "t.md", SOURCE);

    assertThat(result.problems()).isEmpty();
    assertThat(result.shown()).extracting(s -> s.block().line()).containsExactly(3, 7);
  }

  @Test
  void aBlockNoStepRanIsAProblemAtItsSourceLine() {
    Document html =
        Jsoup.parse(
            "<main><pre><code>spec-kitty sync now</code></pre><pre>spec-kitty hidden</pre></main>");
    Report report = report(new Report.Block(3, "command", "spec-kitty sync now"));

    assertThat(BlockMap.of(html, report, "t.md", SOURCE).problems())
        .singleElement()
        .asString()
        .startsWith(
            "docs/t.md:11: a code block readers see that no doc-test step ran (“spec-kitty hidden”)");
  }

  @Test
  void aBlockThatRanButTheSiteDoesNotShowIsAProblemAtItsLine() {
    Document html = Jsoup.parse("<main><pre><code>spec-kitty sync now</code></pre></main>");
    Report report =
        report(
            new Report.Block(3, "command", "spec-kitty sync now"),
            new Report.Block(7, "command", "spec-kitty auth logout"));

    assertThat(BlockMap.of(html, report, "t.md", SOURCE).problems())
        .singleElement()
        .asString()
        .startsWith(
            "docs/t.md:7: a block the doc-tests ran that readers do not see on the site"
                + " (“spec-kitty auth logout”)");
  }
}
