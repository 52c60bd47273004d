package dev.speckitty.doctest.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The two-way mapping between what readers see and what the sandbox uses: applied to commands,
 * files and answers on the way in, reversed on actual output before it is compared — so readers
 * never see a wildcard.
 */
public final class Placeholders {
  private record Pair(String reader, String sandbox) {}

  private final List<Pair> pairs = new ArrayList<>();

  public Placeholders(Map<String, String> readerToTemplate, Variables variables) {
    readerToTemplate.forEach(
        (reader, template) -> pairs.add(new Pair(reader, variables.resolve(template))));
  }

  /** Reader text → sandbox text (longest reader text first). */
  public String toSandbox(String text) {
    String out = text;
    for (Pair p : sorted(Comparator.comparingInt((Pair p) -> p.reader().length()).reversed())) {
      out = out.replace(p.reader(), p.sandbox());
    }
    return out;
  }

  /** Sandbox text → reader text (longest sandbox value first, so no value eats part of another). */
  public String toReader(String text) {
    String out = text;
    for (Pair p : sorted(Comparator.comparingInt((Pair p) -> p.sandbox().length()).reversed())) {
      if (!p.sandbox().isEmpty()) {
        out = out.replace(p.sandbox(), p.reader());
      }
    }
    return out;
  }

  private List<Pair> sorted(Comparator<Pair> order) {
    List<Pair> copy = new ArrayList<>(pairs);
    copy.sort(order);
    return copy;
  }
}
