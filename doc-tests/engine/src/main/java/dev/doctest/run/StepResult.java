package dev.doctest.run;

import dev.doctest.model.Step;
import java.time.Duration;
import java.util.Optional;

/**
 * How one step went.
 *
 * @param step the step
 * @param status passed, failed, or skipped (not run: illustrative, or after a failure)
 * @param message for a failure: {@code file:line: what} and the details (diff, output)
 * @param duration how long it ran
 * @param update the output text to write back into the doc in update mode, when it drifted
 */
public record StepResult(
    Step step, Status status, String message, Duration duration, Optional<String> update) {

  /** A step's verdict. */
  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }

  static StepResult passed(Step step, Duration d) {
    return new StepResult(step, Status.PASSED, "", d, Optional.empty());
  }

  static StepResult skipped(Step step, String why) {
    return new StepResult(step, Status.SKIPPED, why, Duration.ZERO, Optional.empty());
  }
}
