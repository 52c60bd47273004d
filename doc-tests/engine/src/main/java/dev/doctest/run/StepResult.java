package dev.doctest.run;

import dev.doctest.model.Step;
import java.time.Duration;
import java.util.Optional;

/**
 * How one step went.
 *
 * @param step the step
 * @param status passed; drifted (its output differs from the page, but the state after it is as the
 *     page says: the page goes on); failed (exit code, prompt or time differ: the page stops); or
 *     skipped (not run: illustrative, or after a failure)
 * @param message for a failure: {@code file:line: what} and the details (diff, output); for a
 *     skipped step, why
 * @param duration how long it ran
 * @param update the output text to write back into the doc in update mode, when it drifted
 * @param ran what the step's commands did, when they ran
 */
public record StepResult(
    Step step,
    Status status,
    String message,
    Duration duration,
    Optional<String> update,
    Optional<Ran> ran) {

  /** A step's verdict. */
  public enum Status {
    PASSED,
    DRIFTED,
    FAILED,
    SKIPPED
  }

  /** Whether the step failed, by drifting or otherwise. */
  public boolean failed() {
    return status == Status.FAILED || status == Status.DRIFTED;
  }

  /**
   * What a step's commands did.
   *
   * @param exitCode the exit code (-1 when killed)
   * @param output what they printed, as the page would show it (placeholders back, the workspace's
   *     folder as {@code $WORK})
   */
  public record Ran(int exitCode, String output) {}

  static StepResult passed(Step step, Duration d, Ran ran) {
    return new StepResult(step, Status.PASSED, "", d, Optional.empty(), Optional.of(ran));
  }

  static StepResult skipped(Step step, String why) {
    return new StepResult(
        step, Status.SKIPPED, why, Duration.ZERO, Optional.empty(), Optional.empty());
  }
}
