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

  /**
   * Whether the run started after the page's first step (from a kept state): not all of the page
   * was verified, so it gets no report.
   */
  public boolean partial() {
    return steps.stream()
        .anyMatch(
            s ->
                s.status() == StepResult.Status.SKIPPED
                    && DocumentRunner.STARTED_LATER.equals(s.message()));
  }

  public boolean passed() {
    return worldProblems.isEmpty() && steps.stream().noneMatch(StepResult::failed);
  }

  /** How many steps ran (passed or failed; not the skipped ones). */
  public long stepsRun() {
    return steps.stream().filter(s -> s.status() != StepResult.Status.SKIPPED).count();
  }

  /** Where the page first failed: its first failed step's location, or what its world saw. */
  public String firstFailure() {
    return steps.stream()
        .filter(StepResult::failed)
        .map(s -> s.step().location().toString())
        .findFirst()
        .orElse(String.join("; ", worldProblems));
  }
}
