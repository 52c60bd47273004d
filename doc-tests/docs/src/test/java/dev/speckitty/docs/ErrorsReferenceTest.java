package dev.speckitty.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.speckitty.cli.core.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/reference/errors.md} against the CLI's catalog of messages ({@link Failure}), both
 * ways: every message the CLI can print is on the page with its exit code, and every message on the
 * page is one the CLI prints. The page shows values where the catalog has placeholders, so each
 * message on the page must fit one template line for line; messages are paired one to one, so two
 * messages with the same words (e.g. "Cannot read …" for different files) need an entry each.
 */
class ErrorsReferenceTest {
  static final String PAGE = "reference/errors.md";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");
  private static final Pattern EXIT = Pattern.compile("^\\*\\*Exit code (\\d+)\\.\\*\\* \\S.*");

  /**
   * One message on the page: a code block, then a paragraph starting with its exit code and saying
   * what to do.
   *
   * @param line the line of its first line
   * @param lines the message
   * @param exitCode the exit code the page gives
   */
  record Entry(int line, List<String> lines, int exitCode) {
    @Override
    public String toString() {
      return PAGE + ":" + line + ": " + String.join(" / ", lines) + " (exit " + exitCode + ")";
    }
  }

  private static List<Entry> entries;

  @BeforeAll
  static void read() throws IOException {
    entries = entries(Files.readAllLines(Docs.ROOT.resolve(PAGE)));
  }

  /** Every code block of the page, with the exit code the paragraph after it gives. */
  static List<Entry> entries(List<String> page) {
    List<Entry> found = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      if (!page.get(i).startsWith("```")) {
        continue;
      }
      int start = i + 1;
      int end = start;
      while (end < page.size() && !page.get(end).startsWith("```")) {
        end++;
      }
      int next = end + 1;
      while (next < page.size() && page.get(next).isBlank()) {
        next++;
      }
      Matcher exit = EXIT.matcher(next < page.size() ? page.get(next) : "");
      if (!exit.matches()) {
        throw new AssertionError(
            PAGE
                + ":"
                + (next + 1)
                + ": a message must be followed by '**Exit code N.** what to do', not: "
                + (next < page.size() ? page.get(next) : "the end of the page"));
      }
      found.add(
          new Entry(
              start + 1, List.copyOf(page.subList(start, end)), Integer.parseInt(exit.group(1))));
      i = end;
    }
    return found;
  }

  /**
   * Whether {@code entry} is a way {@code failure} reads: line for line, values for placeholders.
   */
  static boolean fits(Entry entry, Failure failure) {
    List<String> template = failure.template();
    if (entry.exitCode() != failure.exitCode().code() || entry.lines().size() != template.size()) {
      return false;
    }
    for (int i = 0; i < template.size(); i++) {
      if (!pattern(template.get(i)).matcher(entry.lines().get(i)).matches()) {
        return false;
      }
    }
    return true;
  }

  /** A template line as a pattern: its words exactly, any value for each placeholder. */
  static Pattern pattern(String templateLine) {
    StringBuilder regex = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(templateLine);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(templateLine.substring(last, m.start()))).append("(.+)");
      last = m.end();
    }
    return Pattern.compile(regex.append(Pattern.quote(templateLine.substring(last))).toString());
  }

  /**
   * Pairs failures with entries one to one, as many as possible (Kuhn's augmenting paths): {@code
   * pairs[f]} is the entry of failure {@code f}, or -1.
   */
  static int[] pair(List<Failure> failures, List<Entry> entries) {
    int[] entryOf = new int[failures.size()];
    int[] failureOf = new int[entries.size()];
    Arrays.fill(entryOf, -1);
    Arrays.fill(failureOf, -1);
    for (int f = 0; f < failures.size(); f++) {
      augment(f, failures, entries, entryOf, failureOf, new boolean[entries.size()]);
    }
    return entryOf;
  }

  private static boolean augment(
      int f,
      List<Failure> failures,
      List<Entry> entries,
      int[] entryOf,
      int[] failureOf,
      boolean[] seen) {
    for (int e = 0; e < entries.size(); e++) {
      if (seen[e] || !fits(entries.get(e), failures.get(f))) {
        continue;
      }
      seen[e] = true;
      if (failureOf[e] < 0 || augment(failureOf[e], failures, entries, entryOf, failureOf, seen)) {
        entryOf[f] = e;
        failureOf[e] = f;
        return true;
      }
    }
    return false;
  }

  @Test
  void everyMessageTheCliCanPrintIsOnThePage() {
    List<Failure> failures = List.of(Failure.values());
    int[] entryOf = pair(failures, entries);
    List<String> missing = new ArrayList<>();
    for (int f = 0; f < failures.size(); f++) {
      if (entryOf[f] < 0) {
        Failure failure = failures.get(f);
        missing.add(
            failure.name()
                + " (exit "
                + failure.exitCode().code()
                + "): "
                + String.join(" / ", failure.template()));
      }
    }
    assertThat(missing).as("messages of the CLI that are not on " + PAGE).isEmpty();
  }

  @Test
  void everyMessageOnThePageIsOneTheCliPrints() {
    List<Failure> failures = List.of(Failure.values());
    int[] entryOf = pair(failures, entries);
    List<Entry> extra = new ArrayList<>(entries);
    Arrays.stream(entryOf).filter(e -> e >= 0).mapToObj(entries::get).forEach(extra::remove);
    assertThat(extra).as("messages on the page that the CLI does not print").isEmpty();
  }

  @Test
  void thePageShowsValuesNotPlaceholders() {
    assertThat(entries)
        .filteredOn(e -> e.lines().stream().anyMatch(l -> PLACEHOLDER.matcher(l).find()))
        .as("show an example value, as the other pages do")
        .isEmpty();
  }

  @Test
  void aMessageWithoutItsExitCodeIsAnError() {
    assertThatThrownBy(
            () -> entries(List.of("```text", "❌ Login cancelled.", "```", "", "Log in again.")))
        .hasMessageContaining(PAGE + ":5: a message must be followed by '**Exit code N.**");
  }

  @Test
  void pairingFindsTheOneToOneMatchAGreedyPassWouldMiss() {
    // The plain "Unknown setting" template fits both lines; only one of them fits the other.
    List<Entry> page =
        List.of(
            new Entry(1, List.of("⚠ Unknown setting 'ulr' in ~/c.toml:2 (did you mean 'url'?)"), 0),
            new Entry(5, List.of("⚠ Unknown setting 'proxy' in ~/c.toml:3"), 0));

    int[] pairs = pair(List.of(Failure.UNKNOWN_SETTING, Failure.UNKNOWN_SETTING_LIKE), page);

    assertThat(pairs).containsExactly(1, 0);
  }
}
