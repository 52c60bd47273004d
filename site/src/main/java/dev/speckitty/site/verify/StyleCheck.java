package dev.speckitty.site.verify;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page the doc-tests verify may not restyle what it shows: an element its markup does not render
 * (a style sheet, a script, a {@code <dialog>} …), a {@code style} or {@code hidden} attribute, or
 * a hiding class in its text — slipped in as raw HTML, an AsciiDoc passthrough, or markup the
 * site's reader understands and the checker's does not — could hide a step that ran, or make a
 * block look like something that did not run, while every block's text still matches the report.
 * Neither Markdown nor AsciiDoc renders any of these, so each is a problem at its {@code
 * file:line}.
 */
public final class StyleCheck {
  /** What changes how the page looks, or what it shows, beyond its text. */
  static final String RESTYLING = "[style], [hidden]";

  /** The elements Markdown and AsciiDoc render (and this site adds): any other came in raw. */
  static final java.util.Set<String> RENDERED =
      java.util.Set.of(
          "main",
          "a",
          "b",
          "blockquote",
          "br",
          "button",
          "caption",
          "code",
          "col",
          "colgroup",
          "dd",
          "del",
          "div",
          "dl",
          "dt",
          "em",
          "figcaption",
          "figure",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "hr",
          "i",
          "img",
          "kbd",
          "li",
          "mark",
          "nav",
          "ol",
          "p",
          "pre",
          "s",
          "section",
          "span",
          "strong",
          "sub",
          "sup",
          "table",
          "tbody",
          "td",
          "tfoot",
          "th",
          "thead",
          "tr",
          "u",
          "ul");

  /** Class names a style sheet uses to hide or fold content (Bootstrap's among them). */
  static final java.util.regex.Pattern HIDING_CLASS =
      java.util.regex.Pattern.compile(
          "(?i)(?:^|[-_])(?:hide|hidden|invisible|collapse|fade|sr-only|d-none|visually)"
              + "|^visible-");

  private StyleCheck() {}

  /**
   * @param document the page, relative to the docs folder
   * @param source the page's text
   */
  public static List<String> problems(Document html, String document, String source) {
    List<String> problems = new ArrayList<>();
    Element main = html.selectFirst("main");
    if (main == null) {
      return problems;
    }
    List<Element> found = new ArrayList<>();
    for (Element e : main.getAllElements()) {
      if (!RENDERED.contains(e.normalName())
          || e.hasAttr("style")
          || e.hasAttr("hidden")
          || e.classNames().stream().anyMatch(c -> HIDING_CLASS.matcher(c).find())) {
        found.add(e);
      }
    }
    for (Element e : found) {
      String shown = opening(e);
      String where =
          line(source, e).map(line -> "docs/" + document + ":" + line).orElse("docs/" + document);
      problems.add(
          where
              + ": the page restyles or hides what it shows ("
              + shown
              + "): readers could see other than what was verified. Write the page in plain"
              + " Markdown or AsciiDoc, without raw HTML.");
    }
    return problems;
  }

  private static String opening(Element e) {
    StringBuilder s = new StringBuilder("<").append(e.tagName());
    for (Attribute a : e.attributes()) {
      s.append(' ').append(a.getKey());
      if (!a.getValue().isEmpty()) {
        s.append("=\"").append(a.getValue()).append('"');
      }
    }
    String text = s.append('>').toString();
    return text.length() <= 80 ? text : text.substring(0, 77) + "…";
  }

  /** The first line of the page's text that names the element with one of its attributes. */
  private static java.util.Optional<Integer> line(String source, Element e) {
    List<String> needles = new ArrayList<>();
    for (Attribute a : e.attributes()) {
      if (!a.getValue().isEmpty()) {
        needles.add(a.getValue());
      }
    }
    needles.add("<" + e.tagName());
    for (String needle : needles) {
      java.util.Optional<Integer> line = SourceLines.locate(source, needle, List.of());
      if (line.isPresent()) {
        return line;
      }
    }
    return java.util.Optional.empty();
  }
}
