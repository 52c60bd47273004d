package dev.speckitty.cli.core;

/**
 * The exit codes of every command, in one place, each with the words {@code --help} and the
 * reference show for it — so a code cannot exist without its documentation.
 */
public enum ExitCode {
  /** The command did what was asked. */
  OK(0, "Success."),

  /**
   * The command could not do it: not authenticated, wrong credentials, server unreachable or
   * failing, events left queued, a workflow step out of order.
   */
  FAILURE(1, "The operation failed (not authenticated, rejected, server unreachable)."),

  /** Bad usage or configuration: unknown option, missing or malformed config, insecure URL. */
  USAGE(2, "Usage or configuration error."),

  /** A bug in spec-kitty; rerun with SPEC_KITTY_DEBUG=1 to see the stack trace. */
  INTERNAL(70, "Internal error (rerun with SPEC_KITTY_DEBUG=1 for details).");

  private final int code;
  private final String description;

  ExitCode(int code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The process exit status. */
  public int code() {
    return code;
  }

  /** What the code means, as {@code --help} prints it. */
  public String description() {
    return description;
  }
}
