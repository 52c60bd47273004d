package dev.speckitty.cli.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code ## Work packages} list of a plan: {@code - WP01: Foundation}. Lines without an
 * id get the next free one, so a writer can simply add {@code - Search}.
 */
final class PlannedWorkPackages {
  /** One planned work package. */
  record Item(String id, String title) {}

  private static final Pattern WITH_ID = Pattern.compile("^[-*]\\s+(WP\\d{2,})\\s*[:–-]\\s*(.+)$");
  private static final Pattern PLAIN = Pattern.compile("^[-*]\\s+(.+)$");

  private PlannedWorkPackages() {}

  static List<Item> parse(String plan) {
    List<Item> items = new ArrayList<>();
    boolean inSection = false;
    for (String raw : plan.replace("\r\n", "\n").split("\n")) {
      String line = raw.strip();
      if (line.startsWith("## ")) {
        inSection = line.substring(3).strip().equalsIgnoreCase("Work packages");
        continue;
      }
      if (!inSection) {
        continue;
      }
      Matcher withId = WITH_ID.matcher(line);
      Matcher plain = PLAIN.matcher(line);
      if (withId.matches()) {
        items.add(new Item(withId.group(1), withId.group(2).strip()));
      } else if (plain.matches()) {
        items.add(new Item("WP%02d".formatted(items.size() + 1), plain.group(1).strip()));
      }
    }
    return items;
  }
}
