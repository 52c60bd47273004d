package dev.speckitty.site.verify;

import java.util.List;
import java.util.Optional;

/** Finds where a text a reader sees comes from in a page's source, for {@code file:line}. */
final class SourceLines {
  private SourceLines() {}

  /**
   * The 1-based line of {@code source} that holds {@code text} (as written, or HTML-escaped),
   * preferring a line outside the blocks the report knows.
   */
  static Optional<Integer> locate(String source, String text, List<Report.Block> known) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    List<String> lines = source.lines().toList();
    Integer fallback = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.contains(text) || line.contains(escaped)) {
        int number = i + 1;
        if (known.stream().noneMatch(b -> covers(b, number))) {
          return Optional.of(number);
        }
        if (fallback == null) {
          fallback = number;
        }
      }
    }
    return Optional.ofNullable(fallback);
  }

  /**
   * {@code docs/<page>:<line>} of the first line holding {@code text}, else {@code docs/<page>}.
   */
  static String where(String document, String source, String text) {
    return locate(source, text, List.of())
        .map(line -> "docs/" + document + ":" + line)
        .orElse("docs/" + document);
  }

  /** Whether a block, from its opening fence to its closing one, covers {@code line}. */
  private static boolean covers(Report.Block block, int line) {
    int last = block.line() + (int) block.text().lines().count() + 1;
    return line >= block.line() && line <= last;
  }
}
