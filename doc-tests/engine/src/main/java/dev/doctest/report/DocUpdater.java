package dev.doctest.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.doctest.model.Expected;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Update mode: writes what the tool printed over drifted expected output — only the lines of that
 * output in the page, every other byte untouched (its line endings too), placeholders and pattern
 * examples kept. An excerpt ({@code match=contains}) gets only its own drifted lines, not the whole
 * output.
 */
public final class DocUpdater {
  /**
   * One expected output to rewrite.
   *
   * @param expected what the page shows
   * @param actual what the run printed, in reader terms
   */
  public record Update(Expected expected, String actual) {
    /** The text to write: the whole output, or for an excerpt its drifted lines only. */
    String text() {
      return expected.mode() == Expected.MatchMode.CONTAINS
          ? excerpt(expected.text(), actual)
          : actual;
    }
  }

  private DocUpdater() {}

  /** Applies the updates of one file, bottom-up so line numbers stay valid; returns a summary. */
  public static List<String> apply(Path file, List<Update> updates) {
    String original;
    try {
      original = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String newline = original.contains("\r\n") ? "\r\n" : "\n";
    boolean endsWithNewline = original.endsWith("\n");
    List<String> lines = new ArrayList<>(List.of(original.split("\r?\n", -1)));
    if (endsWithNewline) {
      lines.remove(lines.size() - 1);
    }
    List<String> changed = new ArrayList<>();
    List<Update> ordered = new ArrayList<>(updates);
    ordered.sort(Comparator.comparingInt((Update u) -> u.expected().firstLine()).reversed());
    for (Update u : ordered) {
      Expected e = u.expected();
      int from = e.firstLine() - 1;
      String indent = indentOf(lines, e);
      List<String> replacement =
          u.text().isEmpty()
              ? List.of()
              : u.text().lines().map(l -> l.isEmpty() ? l : indent + l).toList();
      lines.subList(from, from + e.lineCount()).clear();
      lines.addAll(from, replacement);
      changed.add("updated " + e.location() + " (" + replacement.size() + " lines)");
    }
    try {
      Files.writeString(
          file,
          String.join(newline, lines) + (endsWithNewline ? newline : ""),
          StandardCharsets.UTF_8);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return changed;
  }

  /** The indentation of the block (a block in a list item is indented like its fence). */
  private static String indentOf(List<String> lines, Expected e) {
    String fence = lines.get(e.location().line() - 1);
    return fence.substring(0, fence.length() - fence.stripLeading().length());
  }

  /**
   * The lines of {@code actual} that stand where the excerpt {@code expected} stands: from the
   * first to the last line they share, widened by the excerpt's changed lines before the first and
   * after the last; when they share no line, the run of as many lines most like the excerpt. Output
   * before and after the excerpt stays out of it, as the excerpt left it out.
   */
  static String excerpt(String expected, String actual) {
    List<String> e = expected.lines().toList();
    List<String> a = actual.lines().toList();
    if (e.isEmpty() || a.isEmpty()) {
      return actual;
    }
    int[] shared = sharedLines(e, a); // shared[i] = line of a equal to e[i], or -1
    int firstE = -1;
    int lastE = -1;
    for (int i = 0; i < e.size(); i++) {
      if (shared[i] >= 0) {
        firstE = firstE < 0 ? i : firstE;
        lastE = i;
      }
    }
    int from;
    int to;
    if (firstE < 0) {
      from = mostAlike(e, a);
      to = Math.min(a.size(), from + e.size()) - 1;
    } else {
      from = Math.max(0, shared[firstE] - firstE);
      to = Math.min(a.size() - 1, shared[lastE] + (e.size() - 1 - lastE));
    }
    return String.join("\n", a.subList(from, to + 1));
  }

  private static int[] sharedLines(List<String> e, List<String> a) {
    int[] shared = new int[e.size()];
    java.util.Arrays.fill(shared, -1);
    Patch<String> patch = DiffUtils.diff(e, a);
    int s = 0;
    int t = 0;
    for (AbstractDelta<String> d : patch.getDeltas()) {
      while (s < d.getSource().getPosition()) {
        shared[s++] = t++;
      }
      s += d.getSource().getLines().size();
      t += d.getTarget().getLines().size();
    }
    while (s < e.size() && t < a.size()) {
      shared[s++] = t++;
    }
    return shared;
  }

  /** Where the run of {@code e.size()} lines of {@code a} most like {@code e} starts. */
  private static int mostAlike(List<String> e, List<String> a) {
    int best = 0;
    int bestScore = -1;
    for (int start = 0; start + e.size() <= a.size() || start == 0; start++) {
      int score = 0;
      for (int i = 0; i < e.size() && start + i < a.size(); i++) {
        score += sameCharacters(e.get(i), a.get(start + i));
      }
      if (score > bestScore) {
        bestScore = score;
        best = start;
      }
      if (start + e.size() >= a.size()) {
        break;
      }
    }
    return best;
  }

  private static int sameCharacters(String x, String y) {
    List<Character> xs = x.chars().mapToObj(c -> (char) c).toList();
    List<Character> ys = y.chars().mapToObj(c -> (char) c).toList();
    int changed = 0;
    for (AbstractDelta<Character> d : DiffUtils.diff(xs, ys).getDeltas()) {
      changed += d.getSource().getLines().size();
    }
    return xs.size() - changed;
  }
}
