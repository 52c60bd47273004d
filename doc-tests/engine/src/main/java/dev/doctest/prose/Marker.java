package dev.doctest.prose;

import java.util.regex.Pattern;

/**
 * The visible marker that makes a deliberate mention of a name that does not exist explicit: a
 * parenthesis right after the code span that says so — {@code `--old` (removed in 2.0)}, {@code
 * (renamed in 2.0: use `--new`)}, {@code (no longer exists)}, {@code (does not exist)}. Readers see
 * it too, which is the point: a migration note tells them the name is gone.
 */
final class Marker {
  private static final Pattern AFTER_SPAN =
      Pattern.compile(
          "^[ \\t]*\\((?:removed in|renamed in|no longer exists|does not exist)\\b",
          Pattern.CASE_INSENSITIVE);

  private Marker() {}

  /** Whether {@code textAfterSpan}, the words right after a span, start with the marker. */
  static boolean follows(CharSequence textAfterSpan) {
    return AFTER_SPAN.matcher(textAfterSpan).find();
  }
}
