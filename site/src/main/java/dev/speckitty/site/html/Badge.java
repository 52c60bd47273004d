package dev.speckitty.site.html;

import dev.speckitty.site.verify.Report;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The line under an executable page's title that says whether the build verified it: "✓ Verified"
 * from a report that vouches for the page, linking to its evidence page; or, in a preview built
 * without the doc-tests, that it is not verified (never an old report shown as current).
 */
public final class Badge {
  private Badge() {}

  /** The page's title, under which the badge goes; {@code null} if it has none. */
  static Element title(Document html) {
    return html.selectFirst("main h1");
  }

  public static void verified(Document html, Report report, String evidenceHref) {
    html.select(".verified-badge").remove();
    String text =
        "✓ Verified against spec-kitty "
            + report.tool().version()
            + " — "
            + report.stepsPassed()
            + " steps — "
            + report.verifiedAt().substring(0, 10);
    Element badge = new Element("p").addClass("verified-badge");
    badge
        .appendElement("a")
        .attr("href", evidenceHref)
        .attr(
            "title",
            "How this page was verified: "
                + report.coverage().blocksRun()
                + " of "
                + report.coverage().blocksTotal()
                + " code blocks run by the build, step by step")
        .text(text);
    title(html).after(badge);
  }

  public static void preview(Document html) {
    html.select(".verified-badge").remove();
    title(html)
        .after("<p class=\"verified-badge unverified\">Preview: not verified in this build</p>");
  }
}
