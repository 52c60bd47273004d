package dev.doctest.parse;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/**
 * How pages in Markdown are read: CommonMark (commonmark-java) with GitHub's tables, nothing more.
 * One definition for the checker and for whatever publishes the pages — the site renders them with
 * {@link #parser()} and {@link #extensions()} — so readers see exactly the blocks the checker read.
 * Two Markdown readers disagree on metadata lines, comments, abbreviations and more, and each
 * disagreement was a way to hide a step that ran or show a block that did not.
 */
public final class Markdown {
  private Markdown() {}

  /** The syntax beyond CommonMark that pages may use. */
  public static List<Extension> extensions() {
    return List.of(TablesExtension.create());
  }

  /** A parser that reads a page as the checker does. */
  public static Parser.Builder parser() {
    return Parser.builder().extensions(extensions());
  }

  /** A browser step: an HTML block that is one {@code <!-- doctest-browser: … -->} comment. */
  static final Pattern BROWSER_STEP =
      Pattern.compile("(?s)^\\s*<!--\\s*doctest-browser:(.*?)-->\\s*$");

  /**
   * Whether an HTML block ({@link org.commonmark.node.HtmlBlock#getLiteral()}) is a browser step,
   * where the site puts the step's notes.
   */
  public static boolean isBrowserStep(String htmlBlock) {
    return BROWSER_STEP.matcher(htmlBlock).matches();
  }
}
