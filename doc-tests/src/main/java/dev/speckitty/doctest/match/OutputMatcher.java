package dev.speckitty.doctest.match;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.speckitty.doctest.config.Placeholders;
import dev.speckitty.doctest.model.Expected;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one matching engine. Actual output is normalised (terminal rendering), redacted (sandbox
 * values back to the reader's placeholders), and normalised toward the expected text (a value
 * matching a declared pattern becomes the example the doc shows); then it must equal the expected
 * text line for line, or contain it for an excerpt. A mismatch carries a unified diff and the text
 * to write back in update mode, placeholders kept.
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

  /** The actual output as a reader-facing text: normalised, placeholders and examples restored. */
  public String toReaderText(String rawActual, Expected expected, Placeholders placeholders) {
    String text = placeholders.toReader(TerminalText.normalize(rawActual));
    for (Map.Entry<String, String> v : expected.varying().entrySet()) {
      text =
          patterns.get(v.getValue()).matcher(text).replaceAll(Matcher.quoteReplacement(v.getKey()));
    }
    return text;
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
