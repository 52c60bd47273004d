package dev.speckitty.cli.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The commands or options a mistyped word most likely meant ({@code auht} → {@code auth}, {@code
 * --verison} → {@code --version}), so a typo gets "did you mean" rather than a parser's words.
 */
public final class DidYouMean {
  private DidYouMean() {}

  /**
   * The candidates {@code word} most likely meant, tied ones together: those it is the start of (at
   * least three letters: {@code log} → {@code login}, {@code logout}), else the nearest one edit
   * away (two for words longer than four letters; swapping two neighbours counts as one). Empty
   * when none is close, and for a single letter ({@code -x}), which is near every other one.
   */
  public static List<String> closest(String word, Collection<String> candidates) {
    int letters = word.replaceFirst("^-+", "").length();
    if (letters < 2) {
      return List.of();
    }
    List<String> started =
        candidates.stream().filter(c -> letters >= 3 && c.startsWith(word)).distinct().toList();
    if (!started.isEmpty()) {
      return started;
    }
    int limit = letters > 4 ? 2 : 1;
    int best = Integer.MAX_VALUE;
    List<String> closest = new ArrayList<>();
    for (String candidate : candidates) {
      int d = distance(word, candidate);
      if (d > limit) {
        continue;
      }
      if (d < best) {
        best = d;
        closest.clear();
      }
      if (d == best && !closest.contains(candidate)) {
        closest.add(candidate);
      }
    }
    return closest;
  }

  /** Edits between {@code a} and {@code b}: insert, delete, replace, or swap two neighbours. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
