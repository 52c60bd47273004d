package dev.doctest.prose;

import dev.doctest.model.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A run of prose as either markup hands it over — a paragraph, a heading, a list item, a table row
 * — built piece by piece with the page line of every character, then cut into sentences by one rule
 * for both markups.
 */
final class Passage {
  private final Source source;
  private final StringBuilder text = new StringBuilder();
  private int[] lines = new int[64];
  private final List<int[]> spans = new ArrayList<>();
  private final List<String> literals = new ArrayList<>();
  private int line;

  Passage(Source source, int line) {
    this.source = source;
    this.line = line;
  }

  Source source() {
    return source;
  }

  /** The next piece starts on page line {@code line} (when it is known: above 0). */
  void moveTo(int line) {
    if (line > 0) {
      this.line = line;
    }
  }

  /** Prose text; a line break in it moves to the next page line. */
  void text(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (text.length() == lines.length) {
        lines = Arrays.copyOf(lines, lines.length * 2);
      }
      lines[text.length()] = line;
      text.append(c);
      if (c == '\n') {
        line++;
      }
    }
  }

  /**
   * A code span: {@code raw} as the page writes it (a line break inside it is a space, so the span
   * keeps its length in the sentence).
   */
  void span(String raw) {
    int start = text.length();
    text("`" + raw + "`");
    spans.add(new int[] {start, text.length()});
    literals.add(raw.replace('\n', ' '));
  }

  boolean hasSpans() {
    return !spans.isEmpty();
  }

  /** The whole passage as one sentence (a heading, a table row). */
  List<Sentence> whole() {
    return cut(List.of(0, text.length()));
  }

  /**
   * The passage's sentences: it is cut after a {@code .}, {@code !} or {@code ?} that is followed
   * by white space and is outside code spans ({@code e.g.} and {@code i.e.} do not end a sentence).
   */
  List<Sentence> sentences() {
    List<Integer> cuts = new ArrayList<>();
    cuts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean end =
          (c == '.' || c == '!' || c == '?')
              && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))
              && !inSpan(i)
              && !abbreviation(i);
      if (end) {
        cuts.add(i + 1);
      }
    }
    cuts.add(text.length());
    return cut(cuts);
  }

  private boolean inSpan(int i) {
    return spans.stream().anyMatch(s -> i >= s[0] && i < s[1]);
  }

  private boolean abbreviation(int dot) {
    String before =
        text.substring(Math.max(0, dot - 4), dot + 1).toLowerCase(java.util.Locale.ROOT);
    return before.endsWith("e.g.") || before.endsWith("i.e.");
  }

  private List<Sentence> cut(List<Integer> cuts) {
    List<Sentence> sentences = new ArrayList<>();
    for (int k = 0; k + 1 < cuts.size(); k++) {
      int from = cuts.get(k);
      int to = cuts.get(k + 1);
      while (from < to && Character.isWhitespace(text.charAt(from))) {
        from++;
      }
      if (from >= to) {
        continue;
      }
      List<CodeSpan> inside = new ArrayList<>();
      for (int s = 0; s < spans.size(); s++) {
        int[] span = spans.get(s);
        if (span[0] >= from && span[0] < to) {
          boolean marked = Marker.follows(text.subSequence(span[1], text.length()));
          inside.add(
              new CodeSpan(source.at(lines[span[0]]), literals.get(s), span[0] - from, marked));
        }
      }
      sentences.add(
          new Sentence(
              source,
              text.substring(from, to).strip(),
              Arrays.copyOfRange(lines, from, to),
              inside));
    }
    return sentences;
  }
}
