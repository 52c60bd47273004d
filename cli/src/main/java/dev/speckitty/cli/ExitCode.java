package dev.speckitty.cli;

/** The exit codes of every command, in one place; {@code --help} and the reference list them. */
public final class ExitCode {
  /** The command did what was asked. */
  public static final int OK = 0;

  /**
   * The command could not do it: not authenticated, wrong credentials, server unreachable or
   * failing, events left queued, a workflow step out of order.
   */
  public static final int FAILURE = 1;

  /** Bad usage or configuration: unknown option, missing or malformed config, insecure URL. */
  public static final int CONFIG = 2;

  /** A bug in spec-kitty; rerun with SPEC_KITTY_DEBUG=1 to see the stack trace. */
  public static final int INTERNAL = 70;

  /** The exit-code list picocli prints in {@code --help}, kept beside the constants it shows. */
  public static final String[] HELP_LIST = {
    "0:Success.",
    "1:The operation failed (not authenticated, rejected, server unreachable).",
    "2:Usage or configuration error.",
    "70:Internal error (rerun with SPEC_KITTY_DEBUG=1 for details)."
  };

  private ExitCode() {}
}
