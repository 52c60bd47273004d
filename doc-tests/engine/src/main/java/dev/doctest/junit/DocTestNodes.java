package dev.doctest.junit;

import dev.doctest.DocTests;
import dev.doctest.OnDemand;
import dev.doctest.model.DocTestException;
import dev.doctest.model.DocumentSpec;
import dev.doctest.model.Step;
import dev.doctest.run.DocumentResult;
import dev.doctest.run.Plan;
import dev.doctest.run.StepResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * for what the page's world reported. Only the pages asked for and the pages they continue run, and
 * a page runs only when its tests do: an IDE or a filter that selects one page (or one step) of
 * many starts that page and the pages it continues, no other.
 */
public final class DocTestNodes {
  private DocTestNodes() {}

  /**
   * The tests of {@code pages} on {@code engine}; each page starts when its tests are first run,
   * and the summary (last) tells how many steps ran.
   */
  public static Stream<DynamicNode> of(DocTests engine, List<Path> pages) {
    Plan plan = engine.plan(pages);
    OnDemand runs = engine.onDemand(plan, r -> {});
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
        nodes.add(container(plan.spec(file).get(), runs, engine.updating()));
      }
    }
    nodes.add(
        DynamicTest.dynamicTest(
            "summary: the pages that ran, each step once",
            () -> {
              List<DocumentResult> results =
                  runs.started().stream().map(CompletableFuture::join).toList();
              engine.writeSummary(results);
              System.out.println(
                  runs.stepsRun()
                      + " steps ran in "
                      + results.size()
                      + " pages"
                      + (engine.confinement().confined() ? ", confined." : ", unconfined."));
              runs.notes().forEach(System.out::println);
            }));
    return nodes.stream().onClose(runs::close);
  }

  private static DynamicNode container(DocumentSpec spec, OnDemand runs, boolean updating) {
    String title =
        spec.location().shown() + " (" + spec.blocksRun() + "/" + spec.blocks() + " blocks run)";
    Stream<DynamicNode> children =
        Stream.of(spec).flatMap(s -> steps(runs.run(s.file()).join(), updating));
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
