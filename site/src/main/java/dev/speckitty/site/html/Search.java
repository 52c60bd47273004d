package dev.speckitty.site.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Search that works from the built site alone: the site build writes every page's sections (title,
 * heading, anchor, text) to {@code search-index.js}, which lunr indexes and searches in the
 * reader's browser — no outside service, and it works from {@code file://} too. The box sits in the
 * banner of every page.
 */
public final class Search {
  /** Things on a page that are not its content. */
  private static final String NOT_CONTENT =
      "button, nav.page-toc, .verified-badge, .how-verified, .edit-page, script, style";

  private static final Set<String> SECTION_HEADINGS = Set.of("h1", "h2", "h3");

  private final ArrayNode entries = new ObjectMapper().createArrayNode();

  /** Puts the search box in the banner. */
  public static void addBox(Document html) {
    html.select("#search").remove();
    Element right = html.selectFirst("#banner .pull-right");
    if (right == null) {
      return;
    }
    Element form =
        right
            .appendElement("form")
            .id("search")
            .attr("role", "search")
            .attr("onsubmit", "return false");
    form.appendElement("input")
        .attr("type", "search")
        .id("search-input")
        .attr("placeholder", "Search the docs")
        .attr("aria-label", "Search the docs")
        .attr("autocomplete", "off");
    form.appendElement("ol").id("search-results").attr("hidden", "");
  }

  /**
   * Adds a page's sections to the index.
   *
   * @param url the page, relative to the site root
   */
  public void add(Document html, String url) {
    Element main = html.selectFirst("main");
    Element h1 = main == null ? null : main.selectFirst("h1");
    if (h1 == null) {
      return;
    }
    String title = h1.text();
    Section[] current = {new Section(url, title, title, HeadingAnchors.of(h1))};
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof Element e && SECTION_HEADINGS.contains(e.normalName())) {
              flush(current[0]);
              current[0] = new Section(url, title, e.text(), HeadingAnchors.of(e));
            } else if (node instanceof TextNode t && !skipped(t)) {
              current[0].text.append(t.text()).append(' ');
            }
          }
        },
        main);
    flush(current[0]);
  }

  private static boolean skipped(TextNode t) {
    for (Element e = t.parent(); e != null; e = e.parent()) {
      if (e.is(NOT_CONTENT) || SECTION_HEADINGS.contains(e.normalName())) {
        return true;
      }
    }
    return false;
  }

  private void flush(Section s) {
    String text = s.text.toString().replaceAll("\\s+", " ").strip();
    if (text.isEmpty() && s.heading.equals(s.title)) {
      return;
    }
    ObjectNode entry = entries.addObject();
    entry.put("id", entries.size() - 1);
    entry.put("url", s.anchor.isEmpty() ? s.url : s.url + "#" + s.anchor);
    entry.put("title", s.title);
    entry.put("heading", s.heading);
    entry.put("text", text);
  }

  /** Writes {@code search-index.js} at the site's root. */
  public void write(Path site) {
    try {
      Files.writeString(
          site.resolve("search-index.js"),
          "window.SITE_SEARCH_INDEX = " + entries + ";\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Section {
    final String url;
    final String title;
    final String heading;
    final String anchor;
    final StringBuilder text = new StringBuilder();

    Section(String url, String title, String heading, String anchor) {
      this.url = url;
      this.title = title;
      this.heading = heading;
      this.anchor = anchor;
    }
  }
}
