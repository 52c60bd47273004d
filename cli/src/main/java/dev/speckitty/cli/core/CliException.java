package dev.speckitty.cli.core;

import java.util.List;

/**
 * A failure the user can act on: the lines to print (first line starts with ❌ or ⚠) and the exit
 * code. Checked errors from files and the network become one of these at the edge of a service.
 */
public class CliException extends RuntimeException {
  private final ExitCode exitCode;
  private final List<String> lines;

  public CliException(ExitCode exitCode, String... lines) {
    super(String.join("\n", lines));
    this.exitCode = exitCode;
    this.lines = List.of(lines);
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  public List<String> lines() {
    return lines;
  }
}
