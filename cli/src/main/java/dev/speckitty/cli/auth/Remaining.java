package dev.speckitty.cli.auth;

import java.time.Duration;

/** Formats time left as the largest whole unit, floored: {@code 6d}, {@code 23h}, {@code 59m}. */
public final class Remaining {
  private Remaining() {}

  public static String format(Duration left) {
    long s = Math.max(0, left.getSeconds());
    if (s >= 86_400) {
      return s / 86_400 + "d";
    }
    if (s >= 3_600) {
      return s / 3_600 + "h";
    }
    if (s >= 60) {
      return s / 60 + "m";
    }
    return s + "s";
  }
}
