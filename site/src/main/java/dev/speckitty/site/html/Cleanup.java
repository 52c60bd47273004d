package dev.speckitty.site.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** What every rendered page loses or gains before readers see it, whatever it is. */
public final class Cleanup {
  private Cleanup() {}

  /**
   * Links between docs name the source files ({@code other.md#anchor}, so they work on a forge);
   * the site has pages.
   */
  public static void rewriteDocLinks(Document html) {
    for (Element a : html.select("a[href]")) {
      String href = a.attr("href");
      if (!href.contains("://") && href.matches("^[^#]*\\.(md|adoc)(#.*)?$")) {
        a.attr("href", href.replaceFirst("\\.(md|adoc)(#|$)", ".html$2"));
      }
    }
  }

  /**
   * Doc-test annotations live in HTML comments: none reaches a reader's browser. A browser step's
   * comment leaves an empty mark where it was, for {@link Notes} to put the step's note; {@link
   * #removeMarks} drops what is left.
   */
  public static void removeComments(Document html) {
    List<Comment> comments = new ArrayList<>();
    NodeTraversor.traverse(
        (NodeVisitor)
            (node, depth) -> {
              if (node instanceof Comment c) {
                comments.add(c);
              }
            },
        html);
    for (Comment c : comments) {
      if (c.getData().strip().startsWith("doctest-browser:")) {
        c.after(new Element("span").addClass(Notes.BROWSER_MARK));
      }
      c.remove();
    }
  }

  /** Removes the marks {@link #removeComments} left that no note replaced. */
  public static void removeMarks(Document html) {
    html.select("." + Notes.BROWSER_MARK).remove();
  }
}
