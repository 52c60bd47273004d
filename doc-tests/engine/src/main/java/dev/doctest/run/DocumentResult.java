package dev.doctest.run;

import dev.doctest.model.DocumentSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a document's run went: one result per step, plus what its world reported (e.g. requests that
 * broke the API contract).
 *
 * @param spec the document
 * @param steps results in step order
 * @param worldProblems problems the world saw while the page ran; each fails the page
 * @param confined whether its steps ran confined
 * @param startedAt when the run started
 * @param duration how long it took
 * @param kept whether the page did not run because a kept state of it served the pages that
 *     continue it (then nothing was verified, and no report is written)
 */
public record DocumentResult(
    DocumentSpec spec,
    List<StepResult> steps,
    List<String> worldProblems,
    boolean confined,
    Instant startedAt,
    Duration duration,
    boolean kept) {

  public boolean passed() {
    return worldProblems.isEmpty() && steps.stream().noneMatch(StepResult::failed);
  }

  /** How many steps ran (passed or failed; not the skipped ones). */
  public long stepsRun() {
    return steps.stream().filter(s -> s.status() != StepResult.Status.SKIPPED).count();
  }
}
