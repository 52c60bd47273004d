package dev.speckitty.site.html;

import dev.speckitty.site.verify.BlockMap;
import dev.speckitty.site.verify.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The report's "how verified" notes, where readers look: a step's notes as a quiet line right after
 * its last block ("Verified by running `…` while the server is down."), the page's notes (where its
 * run started) under the badge. Nothing that shaped a result stays invisible.
 */
public final class Notes {
  /** The class of the empty mark a browser step's annotation leaves where it was. */
  public static final String BROWSER_MARK = "doctest-browser-step";

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

  /**
   * A browser step's notes (what it opened and saw, that the build took the image): after the image
   * the step took, else where its annotation was, else at the end of its section. Returns the steps
   * whose notes found no place, which the build refuses.
   */
  public static List<String> addBrowserNotes(Document html, Report report, String document) {
    List<String> problems = new ArrayList<>();
    List<Element> marks = html.select("." + BROWSER_MARK);
    List<Report.Step> steps =
        report.steps().stream().filter(s -> s.browserCheck().isPresent()).toList();
    boolean marked = marks.size() == steps.size();
    for (int i = 0; i < steps.size(); i++) {
      Report.Step step = steps.get(i);
      Optional<Element> mark = marked ? Optional.of(marks.get(i)) : Optional.empty();
      if (step.howVerified().isEmpty()) {
        continue;
      }
      Optional<Element> place =
          step.browserCheck()
              .flatMap(Report.Browser::image)
              .flatMap(image -> imageBlock(html, image))
              .or(() -> mark)
              .or(() -> endOfSection(html, step.heading()));
      if (place.isPresent()) {
        Element note = note(step.howVerified()).addClass("browser-note");
        if (html.getElementById("L" + step.line()) == null) {
          note.id("L" + step.line()); // where the evidence page's "See it on the page" leads
        }
        place.get().after(note);
      } else {
        problems.add(
            "docs/"
                + document
                + ":"
                + step.line()
                + ": the notes of this browser step have no place on the page (no image it took,"
                + " no section “"
                + step.heading()
                + "”)");
      }
    }
    return problems;
  }

  /** The block showing {@code src}: its paragraph, figure or Asciidoctor image block. */
  private static Optional<Element> imageBlock(Document html, String src) {
    for (Element img : html.select("main img[src]")) {
      if (img.attr("src").equals(src) || img.attr("src").equals("./" + src)) {
        Element block = img.closest("div.imageblock, figure, p");
        return Optional.of(block == null ? img : block);
      }
    }
    return Optional.empty();
  }

  /** The last element of the section headed {@code heading}. */
  private static Optional<Element> endOfSection(Document html, String heading) {
    for (Element h : html.select("main h1, main h2, main h3, main h4")) {
      if (h.text().strip().equals(heading.strip())) {
        Element last = h;
        for (Element next = h.nextElementSibling();
            next != null && !next.is("h1, h2, h3, h4");
            next = next.nextElementSibling()) {
          last = next;
        }
        return Optional.of(last);
      }
    }
    return Optional.empty();
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
