package dev.speckitty.site;

import dev.doctest.parse.Markdown;
import dev.speckitty.site.html.Notes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Renders the Markdown pages of {@code docs/} for the site with the checker's own reader ({@link
 * Markdown}), as XHTML pages that Doxia lays out like any other (its Markdown module, flexmark, is
 * not used). One reader for both: what the site shows is what the checker read — a second reader
 * hid metadata lines, abbreviations and comments the checker ran as steps.
 */
public final class MarkdownPages {
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .extensions(Markdown.extensions())
          .nodeRendererFactory(BrowserStepMarks::new)
          .build();

  private MarkdownPages() {}

  /**
   * Writes {@code <out>/<page>.xhtml} for every {@code docs/**.md}: arguments the docs folder and
   * the output folder (the site's generated {@code xhtml} sources).
   */
  public static void main(String[] args) throws IOException {
    Path docs = Path.of(args[0]);
    Path out = Path.of(args[1]);
    if (Files.exists(out)) {
      try (Stream<Path> old = Files.walk(out)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p); // a page since removed keeps no rendering
        }
      }
    }
    List<Path> pages;
    try (Stream<Path> all = Files.walk(docs)) {
      pages = all.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    for (Path page : pages) {
      String name = docs.relativize(page).toString();
      Path target = out.resolve(name.substring(0, name.length() - ".md".length()) + ".xhtml");
      Files.createDirectories(target.getParent());
      Files.writeString(target, page(Files.readString(page)));
    }
  }

  /** A whole XHTML page for Doxia: the page's first heading as its title, then its body. */
  static String page(String markdown) {
    Node document = Markdown.parser().build().parse(markdown);
    StringBuilder html = new StringBuilder("<html><head>");
    title(document).ifPresent(t -> html.append("<title>").append(escape(t)).append("</title>"));
    html.append("</head><body>");
    RENDERER.render(document, html);
    return html.append("</body></html>\n").toString();
  }

  /** The text of the first heading when the page starts with one (comments aside). */
  private static Optional<String> title(Node document) {
    Node first = document.getFirstChild();
    while (first instanceof HtmlBlock) {
      first = first.getNext();
    }
    if (first instanceof Heading heading) {
      return Optional.of(TextContentRenderer.builder().build().render(heading).strip());
    }
    return Optional.empty();
  }

  /**
   * Doxia drops HTML comments from XHTML pages: a browser step's annotation becomes the empty mark
   * where {@link Notes} puts the step's notes (the mark {@link
   * dev.speckitty.site.html.Cleanup#removeComments} leaves for a comment). Other HTML blocks are
   * written as they are.
   */
  private static final class BrowserStepMarks implements NodeRenderer {
    private final HtmlWriter html;

    BrowserStepMarks(HtmlNodeRendererContext context) {
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(HtmlBlock.class);
    }

    @Override
    public void render(Node node) {
      String literal = ((HtmlBlock) node).getLiteral();
      html.line();
      // A browser step's annotation, which Doxia would drop with every other comment.
      if (Markdown.isBrowserStep(literal)) {
        html.raw("<div class=\"" + Notes.BROWSER_MARK + "\"></div>");
      } else {
        html.raw(literal);
      }
      html.line();
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
