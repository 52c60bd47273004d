package dev.speckitty.cli.sync;

import java.util.List;

/** Two-column output with the labels padded to one column: {@code Server URL https://…}. */
final class Table {
  private Table() {}

  static List<String> of(List<String[]> rows) {
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 2;
    return rows.stream().map(r -> (r[0] + " ".repeat(width - r[0].length()) + r[1])).toList();
  }
}
