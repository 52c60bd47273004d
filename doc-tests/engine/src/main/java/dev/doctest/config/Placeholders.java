package dev.doctest.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The two-way mapping between what readers see and the values a run uses: applied to commands,
 * files and answers on the way in, reversed on actual output before it is compared — so readers
 * never see a wildcard.
 */
public final class Placeholders {
  private record Pair(String reader, String actual) {}

  private final List<Pair> pairs = new ArrayList<>();

  public Placeholders(Map<String, String> readerToTemplate, Variables variables) {
    readerToTemplate.forEach(
        (reader, template) -> pairs.add(new Pair(reader, variables.resolve(template))));
  }

  /** Reader text → the run's text (longest reader text first). */
  public String toActual(String text) {
    String out = text;
    for (Pair p : sorted(Comparator.comparingInt((Pair p) -> p.reader().length()).reversed())) {
      out = out.replace(p.reader(), p.actual());
    }
    return out;
  }

  /** The run's text → reader text (longest value first, so no value eats part of another). */
  public String toReader(String text) {
    String out = text;
    for (Pair p : sorted(Comparator.comparingInt((Pair p) -> p.actual().length()).reversed())) {
      if (!p.actual().isEmpty()) {
        out = out.replace(p.actual(), p.reader());
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
