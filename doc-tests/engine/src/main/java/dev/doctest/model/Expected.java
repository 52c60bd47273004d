package dev.doctest.model;

import java.util.Map;

/**
 * Output a document shows for a step.
 *
 * @param location the output block (its opening fence or delimiter)
 * @param firstLine the 1-based line of the text's first line in the page (where update mode writes)
 * @param text the block's text, exactly as the reader sees it
 * @param mode whether the whole output must equal it, or it is an excerpt
 * @param varying literal example values in {@code text} that stand for a named pattern, e.g. a ULID
 *     shown as {@code 01JQ8Z3V6K2M4N5P6Q7R8S9T0V} matching pattern {@code ULID}
 */
public record Expected(
    Location location, int firstLine, String text, MatchMode mode, Map<String, String> varying) {

  /** How many lines of the page the text takes. */
  public int lineCount() {
    return text.isEmpty() ? 0 : (int) text.lines().count();
  }

  /** How expected text is compared with actual output. */
  public enum MatchMode {
    /** Every line equal, in order (after normalisation). */
    EXACT,
    /** The expected lines appear as a contiguous run in the output (troubleshooting excerpts). */
    CONTAINS
  }
}
