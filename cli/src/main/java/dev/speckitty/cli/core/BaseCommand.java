package dev.speckitty.cli.core;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the {@link CliContext} and the output writers of its picocli spec, so
 * that tests capture everything a command prints. Subclasses parse, call a service, render.
 */
public abstract class BaseCommand implements Callable<Integer> {
  @Spec protected CommandSpec spec;
  protected final CliContext ctx;

  protected BaseCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Prints a warning line on standard error at once (the command goes on). */
  protected void warn(String line) {
    err().println(line);
    err().flush();
  }

  protected void print(List<String> lines) {
    lines.forEach(out()::println);
    out().flush();
  }

  @Override
  public final Integer call() throws Exception {
    return execute().code();
  }

  /** Does the command's work and returns its exit code. */
  protected abstract ExitCode execute() throws Exception;
}
