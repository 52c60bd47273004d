package dev.doctest.prose;

import dev.doctest.model.Location;
import dev.doctest.model.Source;
import java.util.List;

/**
 * A sentence of a page's prose — or a heading, a table row, a list item's sentence — with the code
 * spans in it: the unit that says what a span is about ("{@code --force} logs in again" is about
 * whatever command the same sentence names).
 */
public final class Sentence {
  private final Source source;
  private final String text;
  private final int[] lines;
  private final List<CodeSpan> spans;

  Sentence(Source source, String text, int[] lines, List<CodeSpan> spans) {
    this.source = source;
    this.text = text;
    this.lines = lines;
    this.spans = List.copyOf(spans);
  }

  /** Where the sentence starts. */
  public Location at() {
    return at(0);
  }

  /**
   * The sentence as the reader reads it, code spans in backticks ({@code Run `tool sync` now.}),
   * with a line break wherever the page has one.
   */
  public String text() {
    return text;
  }

  /** Its code spans, in order. */
  public List<CodeSpan> spans() {
    return spans;
  }

  /** The sentence's text before {@code span}. */
  public String before(CodeSpan span) {
    return text.substring(0, Math.min(span.offset(), text.length()));
  }

  /** The sentence's text after {@code span} (after its closing backtick). */
  public String after(CodeSpan span) {
    int end = span.offset() + span.text().length() + 2;
    return end >= text.length() ? "" : text.substring(end);
  }

  /** The sentence's words: its text with every code span blanked out. */
  public String words() {
    StringBuilder words = new StringBuilder(text);
    for (CodeSpan span : spans) {
      int end = Math.min(text.length(), span.offset() + span.text().length() + 2);
      for (int i = span.offset(); i < end; i++) {
        if (words.charAt(i) != '\n') {
          words.setCharAt(i, ' ');
        }
      }
    }
    return words.toString();
  }

  /** The location of the character at {@code offset} in {@link #text()}. */
  public Location at(int offset) {
    if (lines.length == 0) {
      return source.at(1);
    }
    return source.at(lines[Math.max(0, Math.min(offset, lines.length - 1))]);
  }

  @Override
  public String toString() {
    return at() + ": " + text;
  }
}
