package dev.speckitty.site.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** A verified page that restyles or hides what it shows fails at the line that does it. */
class StyleCheckTest {
  static final String SOURCE =
      """
      = Check your setup

      Intro text +++<div style="display:none">+++

      [source,bash]
      ----
      spec-kitty sync status
      ----
      """;

  @Test
  void aHiddenBlockIsAProblemAtTheLineThatHidesIt() {
    var html =
        Jsoup.parse(
            "<main><p>Intro text <div style=\"display:none\"></p>"
                + "<pre><code>spec-kitty sync status</code></pre></div></main>");

    assertThat(StyleCheck.problems(html, "how-to/x.adoc", SOURCE))
        .singleElement()
        .asString()
        .startsWith("docs/how-to/x.adoc:3: the page restyles or hides what it shows (<div style=");
  }

  @Test
  void aStyleSheetOrAHidingClassIsAProblemToo() {
    var html =
        Jsoup.parse(
            "<main><style>pre{font-size:0}</style><p class=\"hidden\">x</p>"
                + "<pre><code>spec-kitty sync status</code></pre></main>");

    assertThat(StyleCheck.problems(html, "how-to/x.adoc", SOURCE)).hasSize(2);
  }

  @Test
  void anElementTheMarkupDoesNotRenderOrAResponsiveHidingClassIsAProblem() {
    var html =
        Jsoup.parse(
            "<main><p>x</p><dialog><pre><code>spec-kitty sync status</code></pre></dialog>"
                + "<div class=\"hidden-desktop\">y</div><details><summary>s</summary></details>"
                + "</main>");

    assertThat(StyleCheck.problems(html, "how-to/x.adoc", SOURCE))
        .extracting(p -> p.substring(p.indexOf('(') + 1, p.indexOf('>') + 1))
        .containsExactly("<dialog>", "<div class=\"hidden-desktop\">", "<details>", "<summary>");
  }

  @Test
  void aPlainRenderedPageHasNoProblem() {
    var html =
        Jsoup.parse(
            "<main><h1>Check</h1><p>Intro <code>x</code> <em>y</em></p>"
                + "<div class=\"listingblock\"><pre class=\"highlight\"><code class=\"language-bash\">"
                + "spec-kitty sync status</code></pre></div>"
                + "<table class=\"table table-striped\"><tr><td class=\"a\">1</td></tr></table></main>");

    assertThat(StyleCheck.problems(html, "how-to/x.adoc", SOURCE)).isEmpty();
  }
}
