package dev.speckitty.site.html;

import dev.speckitty.site.verify.BlockMap;
import dev.speckitty.site.verify.Report;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The report's "how verified" notes, where readers look: a step's notes as a quiet line right after
 * its last block ("Verified by running `…` while the server is down."), the page's notes (where its
 * run started) under the badge. Nothing that shaped a result stays invisible.
 */
public final class Notes {
  private Notes() {}

  public static void add(Document html, Report report, List<BlockMap.Shown> shown) {
    Map<Report.Step, Element> lastBlock = new LinkedHashMap<>();
    for (BlockMap.Shown s : shown) {
      lastBlock.put(report.stepOf(s.block()), s.pre());
    }
    lastBlock.forEach(
        (step, pre) -> {
          if (!step.howVerified().isEmpty()) {
            Element after =
                pre.parent() != null && pre.parent().hasClass("code-block") ? pre.parent() : pre;
            after.after(note(step.howVerified()));
          }
        });
    Element badge = html.selectFirst("main .verified-badge");
    if (badge != null && !report.howVerified().isEmpty()) {
      badge.after(note(report.howVerified()).addClass("page-notes"));
    }
  }

  /** Notes as one paragraph; `backticks` become code. */
  static Element note(List<String> notes) {
    Element p = new Element("p").addClass("how-verified");
    for (int i = 0; i < notes.size(); i++) {
      if (i > 0) {
        p.appendText(" ");
      }
      appendWithCode(p, notes.get(i));
    }
    return p;
  }

  static void appendWithCode(Element into, String text) {
    String[] parts = text.split("`", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i % 2 == 1 && i < parts.length - 1) {
        into.appendElement("code").text(parts[i]);
      } else {
        into.appendText(i % 2 == 1 ? "`" + parts[i] : parts[i]);
      }
    }
  }
}
