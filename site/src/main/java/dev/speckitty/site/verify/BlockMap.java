package dev.speckitty.site.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Pairs every code block a reader sees on a rendered page with the block of the page's report that
 * the doc-tests ran it as (by text, in page order). A block with no partner is one the engine never
 * parsed — raw HTML {@code <pre>}, a block inside {@code <details>} or a table cell, a listing in
 * an AsciiDoc description list, a section only the site's renderer includes — and so was never
 * verified: a problem at its {@code file:line}. So is the other way round: a block of the report
 * that no rendered block shows ran where readers cannot see it.
 */
public final class BlockMap {
  private BlockMap() {}

  /** A rendered code block and the report's block it shows. */
  public record Shown(Element pre, Report.Block block) {}

  /** The pairs found, and a problem for each block that has no partner. */
  public record Result(List<Shown> shown, List<String> problems) {}

  /**
   * @param html the rendered page
   * @param report its report
   * @param document the page, relative to the docs folder
   * @param source the page's text
   */
  public static Result of(Document html, Report report, String document, String source) {
    List<Report.Block> blocks = report.blocks();
    boolean[] used = new boolean[blocks.size()];
    int next = 0;
    List<Shown> shown = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Element pre : html.select("main pre")) {
      String text = normalize(pre.wholeText());
      int found = find(blocks, used, text, next);
      if (found < 0) {
        found = find(blocks, used, text, 0);
      }
      if (found >= 0) {
        used[found] = true;
        next = found + 1;
        shown.add(new Shown(pre, blocks.get(found)));
      } else {
        problems.add(unverified(pre, text, document, source, blocks));
      }
    }
    for (int i = 0; i < blocks.size(); i++) {
      if (!used[i]) {
        problems.add(unshown(blocks.get(i), document));
      }
    }
    return new Result(shown, problems);
  }

  private static String unshown(Report.Block block, String document) {
    String first = block.text().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    return "docs/"
        + document
        + ":"
        + block.line()
        + ": a block the doc-tests ran that readers do not see on the site (“"
        + abbreviate(first)
        + "”): the site's renderer hid it (an HTML comment, raw HTML around it)."
        + " Put it where the site shows it, or remove it.";
  }

  private static int find(List<Report.Block> blocks, boolean[] used, String text, int from) {
    for (int i = from; i < blocks.size(); i++) {
      if (!used[i] && normalize(blocks.get(i).text()).equals(text)) {
        return i;
      }
    }
    return -1;
  }

  private static String unverified(
      Element pre, String text, String document, String source, List<Report.Block> blocks) {
    String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    String where =
        SourceLines.locate(source, first, blocks)
            .map(line -> "docs/" + document + ":" + line)
            .orElseGet(() -> "docs/" + document + " (under “" + headingBefore(pre) + "”)");
    return where
        + ": a code block readers see that no doc-test step ran (“"
        + abbreviate(first)
        + "”): the doc-tests never read it (raw HTML, a table cell, a description list, a"
        + " section only the site includes). Write it as a fenced block or an AsciiDoc listing"
        + " of its own, so the doc-tests run it, or remove it.";
  }

  private static String headingBefore(Element pre) {
    Element e = pre;
    while (e != null) {
      Element sibling = e.previousElementSibling();
      while (sibling != null) {
        if (sibling.nameIs("h1")
            || sibling.nameIs("h2")
            || sibling.nameIs("h3")
            || sibling.nameIs("h4")) {
          return sibling.text();
        }
        Optional<Element> inner = Optional.ofNullable(sibling.select("h1, h2, h3, h4").last());
        if (inner.isPresent()) {
          return inner.get().text();
        }
        sibling = sibling.previousElementSibling();
      }
      e = e.parent();
    }
    return "the top of the page";
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "…";
  }

  /** Text as compared: no carriage returns, no trailing spaces, no blank lines around it. */
  static String normalize(String text) {
    return text.replace("\r", "").replaceAll("(?m)[ \t]+$", "").replaceAll("^\n+|\n+$", "");
  }
}
