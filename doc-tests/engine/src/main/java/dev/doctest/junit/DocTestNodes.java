package dev.doctest.junit;

import dev.doctest.DocTests;
import dev.doctest.model.DocTestException;
import dev.doctest.model.DocumentSpec;
import dev.doctest.model.Step;
import dev.doctest.run.DocumentResult;
import dev.doctest.run.Plan;
import dev.doctest.run.StepResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * A run as JUnit 5 dynamic tests: a container per page, a test per step named {@code file:line
 * heading › command} (Surefire keeps only a test's own name, so the location is in it), and a test
 * for what the page's world reported. Only the pages asked for and the pages they continue run.
 */
public final class DocTestNodes {
  private DocTestNodes() {}

  /** Starts {@code pages} on {@code engine}; each page's tests wait for that page only. */
  public static Stream<DynamicNode> of(DocTests engine, List<Path> pages) {
    Plan plan = engine.plan(pages);
    Map<Path, CompletableFuture<DocumentResult>> runs = engine.start(plan, r -> {});
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path page : plan.pages()) {
      Path file = page.toAbsolutePath().normalize();
      if (plan.problem(file).isPresent()) {
        DocTestException e = plan.problem(file).get();
        nodes.add(
            DynamicTest.dynamicTest(
                e.location().shown() + " (does not parse)",
                file.toUri(),
                () -> Assertions.fail(e.getMessage())));
      } else {
        nodes.add(container(plan.spec(file).get(), runs.get(file), engine.updating()));
      }
    }
    nodes.add(
        DynamicTest.dynamicTest(
            "summary: every page ran, each step once",
            () -> {
              List<DocumentResult> results =
                  runs.values().stream().map(CompletableFuture::join).toList();
              engine.writeSummary(results);
              long steps = results.stream().mapToLong(DocumentResult::stepsRun).sum();
              System.out.println(
                  steps
                      + " steps ran in "
                      + results.size()
                      + " pages"
                      + (engine.confinement().confined() ? ", confined." : ", unconfined."));
            }));
    return nodes.stream();
  }

  private static DynamicNode container(
      DocumentSpec spec, CompletableFuture<DocumentResult> run, boolean updating) {
    String title =
        spec.location().shown() + " (" + spec.blocksRun() + "/" + spec.blocks() + " blocks run)";
    Stream<DynamicNode> children = Stream.of(spec).flatMap(s -> steps(run.join(), updating));
    return DynamicContainer.dynamicContainer(title, spec.file().toUri(), children);
  }

  private static Stream<DynamicNode> steps(DocumentResult result, boolean updating) {
    List<DynamicNode> tests = new ArrayList<>();
    for (StepResult r : result.steps()) {
      Step s = r.step();
      String name = s.location() + " " + s.heading() + " › " + s.label();
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                if (r.failed()) {
                  if (updating && r.update().isPresent()) {
                    System.out.println("updated " + s.location() + " in update mode");
                    return;
                  }
                  Assertions.fail(r.message());
                }
                if (r.status() == StepResult.Status.SKIPPED) {
                  Assumptions.abort(r.message());
                }
              }));
    }
    tests.add(
        DynamicTest.dynamicTest(
            result.spec().location() + " its world saw no problem",
            () ->
                Assertions.assertTrue(
                    result.worldProblems().isEmpty(),
                    () -> String.join("\n", result.worldProblems()))));
    return tests.stream();
  }
}
