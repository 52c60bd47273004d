package dev.doctest.prose;

import java.util.List;

/**
 * What a {@link Vocabulary} makes of one code span: not its business, or one of its names — and
 * then which of the names in it do not exist.
 *
 * @param recognised whether the span names the product (a command, an option, a setting…)
 * @param unknown for each name in the span that does not exist: what is wrong, with the closest
 *     real name
 */
public record Verdict(boolean recognised, List<String> unknown) {
  /** A span the vocabulary does not claim ({@code 001-photo-gallery}, a JSON field, a path). */
  public static final Verdict NOT_OURS = new Verdict(false, List.of());

  /** A span that names the product, and only what exists. */
  public static final Verdict KNOWN = new Verdict(true, List.of());

  public Verdict {
    unknown = List.copyOf(unknown);
  }

  /** A span that names the product, with these problems (none: {@link #KNOWN}). */
  public static Verdict of(List<String> unknown) {
    return new Verdict(true, unknown);
  }
}
