package dev.doctest.run;

import dev.doctest.model.DocTestException;
import dev.doctest.model.DocumentSpec;
import dev.doctest.parse.DocumentParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pages a run was asked for, and the pages they continue, each parsed once: which page starts
 * from which, so that every page's steps run once and a page that continues another starts from its
 * end state instead of running it again.
 */
public final class Plan {
  private final List<Path> selected;
  private final Map<Path, DocumentSpec> specs = new LinkedHashMap<>();
  private final Map<Path, DocTestException> problems = new LinkedHashMap<>();
  private final Map<Path, List<Path>> successors = new LinkedHashMap<>();

  private Plan(List<Path> selected) {
    this.selected = selected;
  }

  /** Parses {@code pages} and, transitively, the pages they continue. */
  public static Plan of(List<Path> pages, DocumentParser parser) {
    List<Path> normal = pages.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    Plan plan = new Plan(normal);
    for (Path page : normal) {
      plan.add(page, parser, new LinkedHashSet<>());
    }
    return plan;
  }

  private void add(Path page, DocumentParser parser, Set<Path> chain) {
    if (specs.containsKey(page) || problems.containsKey(page)) {
      return;
    }
    DocumentSpec spec;
    try {
      spec = parser.parse(page);
    } catch (DocTestException e) {
      problems.put(page, e);
      return;
    }
    chain.add(page);
    if (spec.continues().isPresent()) {
      Path before = spec.continues().get().toAbsolutePath().normalize();
      if (chain.contains(before)) {
        problems.put(
            page,
            new DocTestException(
                spec.location(), "continues= loops back to " + before.getFileName()));
        return;
      }
      add(before, parser, chain);
      successors.computeIfAbsent(before, b -> new ArrayList<>()).add(page);
    }
    specs.put(page, spec);
  }

  /**
   * The part of this plan that {@code page} needs: the page and the pages it continues (parsed
   * already), {@code page} the only one asked for.
   */
  public Plan only(Path page) {
    Path p = page.toAbsolutePath().normalize();
    Plan sub = new Plan(List.of(p));
    List<Path> needed = new ArrayList<>(chain(p));
    java.util.Collections.reverse(needed);
    needed.add(p);
    for (Path n : needed) {
      spec(n).ifPresent(s -> sub.specs.put(n, s));
      problem(n).ifPresent(e -> sub.problems.put(n, e));
      for (Path next : successors(n)) {
        if (needed.contains(next)) {
          sub.successors.computeIfAbsent(n, k -> new ArrayList<>()).add(next);
        }
      }
    }
    return sub;
  }

  /** The pages asked for, in the order asked. */
  public List<Path> selected() {
    return selected;
  }

  /** Every page that runs: the ones asked for and the pages they continue. */
  public List<Path> pages() {
    List<Path> all = new ArrayList<>(specs.keySet());
    all.addAll(problems.keySet());
    return all;
  }

  public Optional<DocumentSpec> spec(Path page) {
    return Optional.ofNullable(specs.get(page.toAbsolutePath().normalize()));
  }

  /** Why {@code page} cannot run: it does not parse. */
  public Optional<DocTestException> problem(Path page) {
    return Optional.ofNullable(problems.get(page.toAbsolutePath().normalize()));
  }

  /** Pages that start where {@code page} ends. */
  public List<Path> successors(Path page) {
    return successors.getOrDefault(page.toAbsolutePath().normalize(), List.of());
  }

  /** The pages {@code page} continues, nearest first. */
  public List<Path> chain(Path page) {
    List<Path> chain = new ArrayList<>();
    Optional<Path> before =
        spec(page).flatMap(DocumentSpec::continues).map(p -> p.toAbsolutePath().normalize());
    while (before.isPresent() && !chain.contains(before.get())) {
      chain.add(before.get());
      before =
          spec(before.get())
              .flatMap(DocumentSpec::continues)
              .map(p -> p.toAbsolutePath().normalize());
    }
    return chain;
  }

  /** Pages that start from nothing (or a fixture): where the run begins. */
  public List<Path> roots() {
    List<Path> roots = new ArrayList<>();
    for (Map.Entry<Path, DocumentSpec> e : specs.entrySet()) {
      if (e.getValue().continues().isEmpty()) {
        roots.add(e.getKey());
      }
    }
    return roots;
  }

  /**
   * Pages that can never start: they continue a page that does not parse (directly or further up
   * the chain), with the reason.
   */
  public Map<Path, String> orphans() {
    Map<Path, String> orphans = new LinkedHashMap<>();
    for (Map.Entry<Path, DocumentSpec> e : specs.entrySet()) {
      Optional<Path> before = e.getValue().continues().map(p -> p.toAbsolutePath().normalize());
      while (before.isPresent()) {
        if (problems.containsKey(before.get())) {
          orphans.put(
              e.getKey(),
              "the page it continues does not parse: " + problems.get(before.get()).getMessage());
          break;
        }
        before =
            Optional.ofNullable(specs.get(before.get()))
                .flatMap(DocumentSpec::continues)
                .map(p -> p.toAbsolutePath().normalize());
      }
    }
    return orphans;
  }
}
