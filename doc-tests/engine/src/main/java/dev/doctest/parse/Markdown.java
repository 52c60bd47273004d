package dev.doctest.parse;

import java.util.List;
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
}
