package dev.doctest.match;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * When an actual value may stand for the example a page shows ({@code vary="<example>=<PATTERN>"}):
 * the rule that keeps a pattern from swallowing a lie. A varied value is one word, never
 * whitespace; an id is eight characters or more with a digit (not a word such as "valid"); a number
 * may differ from the example by at most 1% (the noise of a clock, not a different claim: 23h never
 * passes for 1h, 49 events never for 48); and the times of one block keep the distances between
 * them that the page shows (an access token that lasts a day and a refresh token that lasts a week
 * stay a day and a week).
 */
final class Varied {
  /** How far a varied number may be from its example, as a fraction of it. */
  static final BigDecimal NUMBER_TOLERANCE = new BigDecimal("0.01");

  /** How far the distance between two varied times may move, at least. */
  static final Duration TIME_SLACK = Duration.ofSeconds(2);

  private Varied() {}

  /** An example from the page and the value the run printed in its place. */
  record Pair(String example, String actual) {
    boolean mayStandIn() {
      if (actual.isEmpty() || actual.chars().anyMatch(Character::isWhitespace)) {
        return false;
      }
      Optional<BigDecimal> e = number(example);
      Optional<BigDecimal> a = number(actual);
      if (e.isPresent() != a.isPresent()) {
        return false;
      }
      if (e.isPresent()) {
        BigDecimal allowed = e.get().abs().multiply(NUMBER_TOLERANCE);
        return a.get().subtract(e.get()).abs().compareTo(allowed) <= 0;
      }
      if (time(example).isPresent() || time(actual).isPresent()) {
        return time(example).isPresent() && time(actual).isPresent();
      }
      return identifier(example) && identifier(actual);
    }

    boolean isTime() {
      return time(example).isPresent() && time(actual).isPresent();
    }
  }

  /** Whether every two times keep the page's distance (within 1% or two seconds). */
  static boolean keepDistances(List<Pair> times) {
    for (int i = 0; i < times.size(); i++) {
      for (int j = i + 1; j < times.size(); j++) {
        Duration shown =
            Duration.between(
                time(times.get(i).example()).get(), time(times.get(j).example()).get());
        Duration ran =
            Duration.between(time(times.get(i).actual()).get(), time(times.get(j).actual()).get());
        Duration slack = shown.abs().dividedBy(100);
        if (slack.compareTo(TIME_SLACK) < 0) {
          slack = TIME_SLACK;
        }
        if (ran.minus(shown).abs().compareTo(slack) > 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** An id a run makes up: eight characters or more, with a digit among them (not a word). */
  private static boolean identifier(String s) {
    return s.length() >= 8 && s.chars().anyMatch(Character::isDigit);
  }

  private static Optional<BigDecimal> number(String s) {
    if (!s.matches("-?\\d+(\\.\\d+)?")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(s));
  }

  private static Optional<Instant> time(String s) {
    try {
      return Optional.of(Instant.parse(s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
