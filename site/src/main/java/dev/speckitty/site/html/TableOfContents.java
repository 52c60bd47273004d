package dev.speckitty.site.html;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * "On this page": the sections and subsections of a page with three or more sections, beside the
 * text on a wide screen, above it on a narrow one.
 */
public final class TableOfContents {
  static final int MIN_SECTIONS = 3;

  private TableOfContents() {}

  public static void add(Document html) {
    html.select("nav.page-toc").remove();
    List<Element> headings = html.select("main h2, main h3");
    if (html.select("main h2").size() < MIN_SECTIONS) {
      return;
    }
    Element main = html.selectFirst("main");
    Element nav = new Element("nav").addClass("page-toc").attr("aria-label", "On this page");
    nav.appendElement("p").addClass("page-toc-title").text("On this page");
    Element list = nav.appendElement("ul");
    Element sub = null;
    for (Element h : headings) {
      String anchor = HeadingAnchors.of(h);
      if (anchor.isEmpty()) {
        continue;
      }
      if (h.nameIs("h2")) {
        Element item = list.appendElement("li");
        item.appendElement("a").attr("href", "#" + anchor).text(h.text());
        sub = item;
      } else if (sub != null) {
        Element ul = sub.selectFirst("> ul");
        if (ul == null) {
          ul = sub.appendElement("ul");
        }
        ul.appendElement("li").appendElement("a").attr("href", "#" + anchor).text(h.text());
      }
    }
    main.prependChild(nav);
    main.addClass("has-toc");
  }
}
