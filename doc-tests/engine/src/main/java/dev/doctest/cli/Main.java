package dev.doctest.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Starts {@link DocTestCommand}; its exit code is the process's. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** The command line as {@code ./doctest} runs it. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new DocTestCommand(out));
    cl.setOut(out);
    cl.setErr(err);
    // A launcher passes its defaults (--docs, --keep, …) before the user's words: the last wins.
    cl.setOverwrittenOptionsAllowed(true);
    return cl;
  }
}
