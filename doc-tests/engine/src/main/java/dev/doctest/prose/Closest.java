package dev.doctest.prose;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * "Did you mean": the real name closest to one that does not exist, by Levenshtein distance
 * relative to the names' length — so one wrong letter in a long name is closer than one in a short
 * name — or, when the name is a real one with parts left out, by how many parts are missing: {@code
 * --user} is {@code --username} with its end left out, closer than {@code --json}, three letters
 * away; {@code X_URL} is {@code X_SERVER_URL} without a word, closer than {@code X_DEBUG}.
 */
public final class Closest {
  private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

  private Closest() {}

  /** The name in {@code known} closest to {@code name}, if {@code known} has any. */
  public static Optional<String> to(String name, Collection<String> known) {
    return known.stream()
        .min(
            Comparator.<String>comparingDouble(k -> distance(name, k))
                .thenComparing(Comparator.naturalOrder()));
  }

  /** {@code "; did you mean `x`?"}, or nothing when {@code known} is empty. */
  public static String didYouMean(String name, Collection<String> known) {
    return to(name, known).map(k -> "; did you mean `" + k + "`?").orElse("");
  }

  /** 0 for the same name, about 1 for nothing in common. */
  static double distance(String name, String known) {
    double edits =
        LEVENSHTEIN.apply(name, known)
            / (double) Math.max(1, Math.max(name.length(), known.length()));
    int gaps = leftOut(name, known);
    return gaps < 0 ? edits : Math.min(edits, gaps / (double) Math.max(1, name.length()));
  }

  /**
   * How many runs of {@code known} are left out in {@code name}, when {@code name} is {@code known}
   * with parts left out (its letters appear in {@code known}, in order); -1 when it is not.
   */
  static int leftOut(String name, String known) {
    int gaps = 0;
    int k = 0;
    for (int i = 0; i < name.length(); i++) {
      int found = known.indexOf(name.charAt(i), k);
      if (found < 0) {
        return -1;
      }
      if (found > k) {
        gaps++;
      }
      k = found + 1;
    }
    return k < known.length() ? gaps + 1 : gaps;
  }
}
