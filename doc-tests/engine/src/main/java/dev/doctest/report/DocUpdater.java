package dev.doctest.report;

import dev.doctest.model.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Update mode ({@code -Ddoctest.update=true}): writes the actual output over drifted expected
 * blocks — only the lines between the block's fences, every other byte untouched, placeholders and
 * pattern examples kept.
 */
public final class DocUpdater {
  /**
   * One block to rewrite.
   *
   * @param block the expected-output block (its opening fence or delimiter line)
   * @param text the new content
   */
  public record Update(Location block, String text) {}

  private DocUpdater() {}

  /** Applies the updates of one file, bottom-up so line numbers stay valid; returns a summary. */
  public static List<String> apply(Path file, List<Update> updates) {
    List<String> lines;
    try {
      lines = new ArrayList<>(Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean endsWithNewline = endsWithNewline(file);
    List<String> changed = new ArrayList<>();
    List<Update> ordered = new ArrayList<>(updates);
    ordered.sort(Comparator.comparingInt((Update u) -> u.block().line()).reversed());
    for (Update u : ordered) {
      int open = u.block().line() - 1;
      String fence = fenceOf(lines.get(open).strip());
      int close = open + 1;
      while (close < lines.size() && !closes(lines.get(close).strip(), fence)) {
        close++;
      }
      if (close >= lines.size()) {
        throw new IllegalStateException(u.block() + ": cannot find the end of the block to update");
      }
      String line = lines.get(open);
      String indent = line.substring(0, line.length() - line.stripLeading().length());
      List<String> replacement =
          u.text().isEmpty()
              ? List.of()
              : u.text().lines().map(l -> l.isEmpty() ? l : indent + l).toList();
      lines.subList(open + 1, close).clear();
      lines.addAll(open + 1, replacement);
      changed.add("updated " + u.block() + " (" + replacement.size() + " lines)");
    }
    try {
      Files.writeString(file, String.join("\n", lines) + (endsWithNewline ? "\n" : ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return changed;
  }

  private static boolean endsWithNewline(Path file) {
    try {
      String text = Files.readString(file);
      return text.endsWith("\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The fence that opens a block: {@code ```}, {@code ~~~~}, AsciiDoc {@code ----} or {@code ....}.
   */
  static String fenceOf(String line) {
    char c = line.isEmpty() ? ' ' : line.charAt(0);
    int n = 0;
    while (n < line.length() && line.charAt(n) == c) {
      n++;
    }
    return line.substring(0, n);
  }

  private static boolean closes(String line, String fence) {
    if (fence.startsWith("-") || fence.startsWith(".")) {
      return line.equals(fence);
    }
    return line.startsWith(fence) && line.chars().allMatch(ch -> ch == fence.charAt(0));
  }
}
