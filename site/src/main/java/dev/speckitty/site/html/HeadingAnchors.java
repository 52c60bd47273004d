package dev.speckitty.site.html;

import dev.doctest.report.Anchors;
import java.util.Iterator;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Heading anchors by the same rules as the docs' links ({@code #server-configuration-2x}): Doxia
 * names them {@code Server_Configuration_.282.x.29}.
 */
public final class HeadingAnchors {
  static final String HEADINGS = "main h1, main h2, main h3, main h4, main h5, main h6";

  private HeadingAnchors() {}

  public static void fix(Document html) {
    List<Element> headings = html.select(HEADINGS);
    Iterator<String> slugs = Anchors.of(headings.stream().map(Element::text).toList()).iterator();
    for (Element h : headings) {
      String slug = slugs.next();
      Element before = h.previousElementSibling();
      if (before != null && before.nameIs("a") && before.hasAttr("id")) {
        before.attr("id", slug);
      } else {
        h.attr("id", slug);
      }
    }
  }

  /**
   * The anchor a link to {@code heading} uses: its own id, or that of the anchor before it or
   * inside it (Doxia puts it either place).
   */
  public static String of(Element heading) {
    if (heading.hasAttr("id")) {
      return heading.id();
    }
    Element before = heading.previousElementSibling();
    if (before != null && before.nameIs("a") && before.hasAttr("id")) {
      return before.id();
    }
    Element inside = heading.selectFirst("> a[id]");
    return inside == null ? "" : inside.id();
  }
}
