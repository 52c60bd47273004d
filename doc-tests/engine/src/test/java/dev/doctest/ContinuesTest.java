package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.run.DocumentResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page that others continue runs once: each page that continues it starts from its end state —
 * its files and its world — not from a second run of it, and not from what another continuing page
 * did.
 */
class ContinuesTest {
  private static final Map<String, String> ENV =
      Map.of("JAVA_HOME", System.getProperty("java.home"));

  @TempDir Path temp;

  private static void assertEveryPagePassed(Map<Path, DocumentResult> results) {
    assertThat(results).hasSize(3);
    results.values().forEach(EngineFixture::assertPassed);
  }

  /** Runs counter-again.md and counter-twice.md, which both continue counter.md: every result. */
  private static Map<Path, DocumentResult> runTheTwoPagesThatContinueCounter(EngineFixture f) {
    return f.runAll(List.of("tutorials/counter-again.md", "tutorials/counter-twice.md"), ENV);
  }

  @Test
  void confinedPagesThatContinueOnePageStartFromCopiesOfItsEndSideBySide() {
    Assumptions.assumeTrue(EngineFixture.CONFINEMENT.confined(), "needs bubblewrap");
    EngineFixture f = new EngineFixture(temp);

    Map<Path, DocumentResult> results = runTheTwoPagesThatContinueCounter(f);

    assertEveryPagePassed(results);
    // counter.md's world, and one copy of its end state for each page that continues it.
    assertThat(f.world.started).hasSize(3);
  }

  @Test
  void pagesThatContinueOnePageRunOneAfterAnotherWhenItsEndStateNamesItsServer() {
    Assumptions.assumeTrue(EngineFixture.CONFINEMENT.confined(), "needs bubblewrap");
    EngineFixture f =
        new EngineFixture(temp)
            .mutate(
                "tutorials/counter.md",
                "echo one >> ~/count.txt",
                "echo one >> ~/count.txt\necho https://your-server.example.com > ~/server.txt");

    Map<Path, DocumentResult> results = runTheTwoPagesThatContinueCounter(f);

    assertEveryPagePassed(results);
    // A copy would read another server's URL: both run in counter.md's own world, in turn.
    assertThat(f.world.started).hasSize(1 + 2 /* copies tried, then closed */);
  }

  @Test
  void unconfinedPagesThatContinueOnePageRunOneAfterAnotherInItsWorkspace() {
    EngineFixture f = new EngineFixture(temp).unconfined();

    Map<Path, DocumentResult> results = runTheTwoPagesThatContinueCounter(f);

    assertEveryPagePassed(results);
    assertThat(f.world.started).hasSize(1);
  }

  @Test
  void thePageOthersContinueReportsItsOwnStepsOnce() {
    EngineFixture f = new EngineFixture(temp);

    Map<Path, DocumentResult> results = runTheTwoPagesThatContinueCounter(f);

    DocumentResult counter = results.get(f.doc("tutorials/counter.md").toAbsolutePath());
    assertThat(counter.stepsRun()).isEqualTo(1);
    assertThat(results.values().stream().mapToLong(DocumentResult::stepsRun).sum()).isEqualTo(3);
  }

  @Test
  void aFailureInThePageOthersContinueIsReportedOnTheirSteps() {
    EngineFixture f =
        new EngineFixture(temp).mutate("tutorials/counter.md", "visit 1\n", "visit 7\n");

    Map<Path, DocumentResult> results = f.runAll(List.of("tutorials/counter-again.md"), ENV);

    DocumentResult again = results.get(f.doc("tutorials/counter-again.md").toAbsolutePath());
    assertThat(again.passed()).isFalse();
    assertThat(again.steps().get(0).message())
        .isEqualTo("not run: the page it continues failed: docs/tutorials/counter.md:5");
  }
}
