package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.doctest.junit.DocTestNodes;
import dev.doctest.run.DocumentResult;
import dev.doctest.run.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A page runs when it is asked for, not before: one page selected of many starts that page and the
 * pages it continues, no other; a page asked for later starts from the end of the page it
 * continues, which does not run again.
 */
class OnDemandTest {
  private static final Map<String, String> ENV =
      Map.of("JAVA_HOME", System.getProperty("java.home"));

  @TempDir Path temp;

  private static final String COUNTER = "tutorials/counter.md";
  private static final String AGAIN = "tutorials/counter-again.md";
  private static final String TWICE = "tutorials/counter-twice.md";

  @Test
  void aPageAskedForAloneStartsOnlyItselfAndThePageItContinues() {
    EngineFixture f = new EngineFixture(temp);
    try (DocTests engine = f.engine(ENV);
        OnDemand pages = engine.onDemand(engine.plan(engine.documents()), r -> {})) {

      EngineFixture.assertPassed(pages.run(f.doc(AGAIN)).join());

      // counter.md's world, and its end state's copy for counter-again.md: no other page started.
      assertThat(f.world.started).hasSize(2);
      assertThat(f.reports.resolve(AGAIN + ".json")).exists();
      assertThat(f.reports.resolve(COUNTER + ".json")).exists();
      assertThat(f.reports.resolve(TWICE + ".json")).doesNotExist();
      assertThat(f.reports.resolve("tutorials/basics.md.json")).doesNotExist();
    }
  }

  @Test
  void pagesAskedForOneByOneRunEachStepOnceFromTheEndOfThePageTheyContinue() {
    EngineFixture f = new EngineFixture(temp);
    try (DocTests engine = f.engine(ENV)) {
      Plan plan = engine.plan(List.of(f.doc(AGAIN), f.doc(TWICE)));
      try (OnDemand pages = engine.onDemand(plan, r -> {})) {

        DocumentResult counter = pages.run(f.doc(COUNTER)).join();
        DocumentResult again = pages.run(f.doc(AGAIN)).join();
        DocumentResult twice = pages.run(f.doc(TWICE)).join();

        // counter-twice.md expects the file written once and the server visited once: it fails
        // if counter.md ran again, or if it started from counter-again.md's end.
        List.of(counter, again, twice).forEach(EngineFixture::assertPassed);
        assertThat(pages.run(f.doc(COUNTER)).join()).isSameAs(counter);
        assertThat(pages.stepsRun())
            .isEqualTo(counter.stepsRun() + again.stepsRun() + twice.stepsRun());
        assertThat(pages.notes()).isEmpty();
      }
    }
  }

  @Test
  void aPageThatContinuesAFailedPageDoesNotRunAndSaysWhy() throws Exception {
    EngineFixture f = new EngineFixture(temp).mutate(COUNTER, "visit 1", "visit 7");
    try (DocTests engine = f.engine(ENV);
        OnDemand pages = engine.onDemand(engine.plan(List.of(f.doc(AGAIN))), r -> {})) {

      DocumentResult again = pages.run(f.doc(AGAIN)).join();

      assertThat(again.passed()).isFalse();
      assertThat(again.stepsRun()).isZero();
      assertThat(again.worldProblems().get(0))
          .isEqualTo("the page it continues failed: docs/" + COUNTER + ":5");
      assertThat(pages.stepsRun()).isEqualTo(pages.run(f.doc(COUNTER)).join().stepsRun());
      assertThat(Files.readString(f.reports.resolve(AGAIN + ".json")))
          .contains("the page it continues failed");
    }
  }

  /** The docs set as a test runner sees it; run by the test below, which selects one page. */
  static class PagesAsTests {
    static EngineFixture fixture;

    @TestFactory
    Stream<DynamicNode> pages() {
      DocTests engine = fixture.engine(ENV);
      return DocTestNodes.of(engine, engine.documents()).onClose(engine::close);
    }
  }

  @Test
  void selectingOnePageInATestRunnerStartsOnlyThatPageAndThePageItContinues() {
    EngineFixture f = new EngineFixture(temp);
    PagesAsTests.fixture = f;
    int index;
    try (DocTests engine = f.engine(ENV)) {
      Plan plan = engine.plan(engine.documents());
      index = plan.pages().indexOf(f.doc(AGAIN).toAbsolutePath().normalize()) + 1;
    }
    String container =
        "[engine:junit-jupiter]/[class:"
            + PagesAsTests.class.getName()
            + "]/[test-factory:pages()]/[dynamic-container:#"
            + index
            + "]";
    SummaryGeneratingListener listener = new SummaryGeneratingListener();

    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectUniqueId(container)).build(),
            listener);

    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getTestsFailedCount()).as(summary.getFailures().toString()).isZero();
    // counter-again.md's step and its world's test.
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(f.world.started).hasSize(2);
    assertThat(f.reports.resolve(TWICE + ".json")).doesNotExist();
  }
}
