package dev.speckitty.doctest.run;

import dev.speckitty.doctest.model.DocumentSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a document's run went: one result per step, plus the API contract check of every request the
 * CLI made during it.
 *
 * @param spec the document
 * @param steps results in step order
 * @param contractViolations requests or answers that broke the OpenAPI contract
 * @param startedAt when the run started
 * @param duration how long it took
 */
public record DocumentResult(
    DocumentSpec spec,
    List<StepResult> steps,
    List<String> contractViolations,
    Instant startedAt,
    Duration duration) {

  public boolean passed() {
    return contractViolations.isEmpty()
        && steps.stream().noneMatch(s -> s.status() == StepResult.Status.FAILED);
  }
}
