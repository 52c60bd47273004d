package dev.doctest.match;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.doctest.config.Placeholders;
import dev.doctest.model.Expected;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one matching engine. Actual output is normalised (terminal rendering), redacted (run values
 * back to the reader's placeholders), and normalised toward the expected text (a value matching a
 * declared pattern becomes the example the doc shows); then it must equal the expected text line
 * for line, or contain it for an excerpt. A mismatch carries a unified diff and the text to write
 * back in update mode, placeholders kept.
 */
public final class OutputMatcher {
  private final Map<String, Pattern> patterns;

  public OutputMatcher(Map<String, Pattern> patterns) {
    this.patterns = patterns;
  }

  /**
   * A failed comparison.
   *
   * @param diff unified diff from expected to actual
   * @param readerText the actual output as the doc would show it (for update mode)
   */
  public record Mismatch(String diff, String readerText) {}

  /**
   * The actual output as a reader-facing text: normalised, placeholders restored, and each line
   * that matches an expected line with declared patterns replaced by that expected line — so the
   * doc's example values survive and a diff shows only real differences. A varied value stands for
   * its example only when it is the same kind of value (see {@link Varied}); and the times of one
   * block must keep the distances between them that the page shows.
   */
  public String toReaderText(String rawActual, Expected expected, Placeholders placeholders) {
    String text = placeholders.toReader(TerminalText.normalize(rawActual));
    if (expected.varying().isEmpty()) {
      return text;
    }
    List<String> wanted = TerminalText.normalize(expected.text()).lines().toList();
    List<LinePattern> linePatterns = new ArrayList<>();
    for (String line : wanted) {
      linePatterns.add(linePattern(line, expected.varying()));
    }
    List<String> out = new ArrayList<>();
    List<Varied.Pair> times = new ArrayList<>();
    List<Integer> timeLines = new ArrayList<>();
    int next = 0;
    for (String line : text.lines().toList()) {
      String shown = line;
      for (int j = next; j < wanted.size(); j++) {
        LinePattern p = linePatterns.get(j);
        if (p == null) {
          continue;
        }
        Optional<List<Varied.Pair>> pairs = p.match(line);
        if (pairs.isPresent()) {
          shown = wanted.get(j);
          next = j + 1;
          for (Varied.Pair pair : pairs.get()) {
            if (pair.isTime()) {
              times.add(pair);
              timeLines.add(out.size());
            }
          }
          break;
        }
      }
      out.add(shown);
    }
    java.util.Set<Integer> asPrinted = new java.util.HashSet<>();
    if (!Varied.keepDistances(times)) {
      // The times moved apart: show them as printed, so the diff says which.
      List<String> actualLines = text.lines().toList();
      for (int i : timeLines) {
        out.set(i, actualLines.get(i));
        asPrinted.add(i);
      }
    }
    keepExamplesInChangedLines(wanted, out, expected.varying(), asPrinted);
    return String.join("\n", out);
  }

  /**
   * Where a line changed beyond its pattern (update mode writes it back), keep the doc's example
   * value in it: pair the changed lines with the expected lines they replace, and where a paired
   * expected line shows an example once and the new line has exactly one match of its pattern, put
   * the example in.
   */
  private void keepExamplesInChangedLines(
      List<String> wanted,
      List<String> out,
      Map<String, String> varying,
      java.util.Set<Integer> asPrinted) {
    Patch<String> patch = DiffUtils.diff(wanted, out);
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      List<String> before = delta.getSource().getLines();
      int at = delta.getTarget().getPosition();
      for (int k = 0; k < delta.getTarget().getLines().size() && k < before.size(); k++) {
        if (asPrinted.contains(at + k)) {
          continue;
        }
        String line = out.get(at + k);
        String old = before.get(k);
        for (Map.Entry<String, String> v : varying.entrySet()) {
          if (old.indexOf(v.getKey()) >= 0
              && old.indexOf(v.getKey()) == old.lastIndexOf(v.getKey())) {
            java.util.regex.Matcher m = patterns.get(v.getValue()).matcher(line);
            if (m.find()) {
              int start = m.start();
              int end = m.end();
              if (!m.find()) {
                line = line.substring(0, start) + v.getKey() + line.substring(end);
              }
            }
          }
        }
        out.set(at + k, line);
      }
    }
  }

  /** An expected line as a regex: literal text, and a group for each declared example. */
  private record LinePattern(Pattern regex, List<String> examples) {
    /** The example/actual pairs when {@code line} matches and every value may stand in. */
    Optional<List<Varied.Pair>> match(String line) {
      java.util.regex.Matcher m = regex.matcher(line);
      if (!m.matches()) {
        return Optional.empty();
      }
      List<Varied.Pair> pairs = new ArrayList<>();
      for (int g = 0; g < examples.size(); g++) {
        Varied.Pair pair = new Varied.Pair(examples.get(g), m.group(g + 1));
        if (!pair.mayStandIn()) {
          return Optional.empty();
        }
        pairs.add(pair);
      }
      return Optional.of(pairs);
    }
  }

  /** The regex of an expected line with declared examples; null if it has none. */
  private LinePattern linePattern(String line, Map<String, String> varying) {
    List<int[]> spans = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> examples = new ArrayList<>();
    for (Map.Entry<String, String> v : varying.entrySet()) {
      for (int at = line.indexOf(v.getKey()); at >= 0; at = line.indexOf(v.getKey(), at + 1)) {
        spans.add(new int[] {at, at + v.getKey().length()});
        names.add(v.getValue());
        examples.add(v.getKey());
      }
    }
    if (spans.isEmpty()) {
      return null;
    }
    Integer[] order = new Integer[spans.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> spans.get(i)[0]));
    StringBuilder regex = new StringBuilder();
    List<String> used = new ArrayList<>();
    int pos = 0;
    for (int i : order) {
      int[] span = spans.get(i);
      if (span[0] < pos) {
        continue;
      }
      regex.append(Pattern.quote(line.substring(pos, span[0])));
      regex.append("(").append(patterns.get(names.get(i)).pattern()).append(")");
      used.add(examples.get(i));
      pos = span[1];
    }
    regex.append(Pattern.quote(line.substring(pos)));
    return new LinePattern(Pattern.compile(regex.toString()), used);
  }

  public Optional<Mismatch> compare(
      String rawActual, Expected expected, Placeholders placeholders) {
    String actual = toReaderText(rawActual, expected, placeholders);
    String wanted = TerminalText.normalize(expected.text());
    boolean ok =
        switch (expected.mode()) {
          case EXACT -> actual.equals(wanted);
          case CONTAINS -> containsLines(actual, wanted);
        };
    return ok ? Optional.empty() : Optional.of(new Mismatch(diff(wanted, actual), actual));
  }

  static boolean containsLines(String actual, String wanted) {
    List<String> a = actual.lines().toList();
    List<String> w = wanted.lines().toList();
    for (int i = 0; i + w.size() <= a.size(); i++) {
      if (a.subList(i, i + w.size()).equals(w)) {
        return true;
      }
    }
    return w.isEmpty();
  }

  static String diff(String expected, String actual) {
    List<String> e = expected.lines().toList();
    List<String> a = actual.lines().toList();
    Patch<String> patch = DiffUtils.diff(e, a);
    return String.join(
        "\n", UnifiedDiffUtils.generateUnifiedDiff("expected (doc)", "actual", e, patch, 3));
  }
}
