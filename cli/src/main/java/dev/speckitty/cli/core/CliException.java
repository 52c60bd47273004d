package dev.speckitty.cli.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure the user can act on: the lines to print (first line starts with ❌) and the exit code.
 * Made only from the {@link Failure} catalog; checked errors from files and the network become one
 * of these at the edge of a service.
 */
public final class CliException extends RuntimeException {
  private final Failure failure;
  private final List<String> lines;

  CliException(Failure failure, List<String> lines) {
    super(String.join("\n", lines));
    this.failure = failure;
    this.lines = List.copyOf(lines);
  }

  /** Which failure of the catalog this is. */
  public Failure failure() {
    return failure;
  }

  public ExitCode exitCode() {
    return failure.exitCode();
  }

  public List<String> lines() {
    return lines;
  }

  /** The same failure with {@code more} lines after its own (e.g. what is still queued). */
  public CliException and(List<String> more) {
    List<String> all = new ArrayList<>(lines);
    all.addAll(more);
    CliException extended = new CliException(failure, all);
    extended.initCause(this);
    return extended;
  }
}
