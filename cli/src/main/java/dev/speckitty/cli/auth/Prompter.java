package dev.speckitty.cli.auth;

import dev.speckitty.cli.core.CliContext;
import org.jline.terminal.Terminal;

/**
 * Asks the user for a line or a password. On a terminal it uses JLine (the password echoes one
 * {@code *} per character); otherwise it reads plain lines from standard input, so login works in
 * pipes and CI.
 */
public interface Prompter extends AutoCloseable {

  String readLine(String prompt);

  char[] readPassword(String prompt);

  @Override
  void close();

  /** The prompter for this process: JLine on a terminal, standard input otherwise. */
  static Prompter open(CliContext ctx) {
    return ctx.interactive() ? new TerminalPrompter() : new StreamPrompter(ctx.stdin());
  }

  /**
   * The JLine prompter on a terminal of the caller's (the build's class-data training makes one).
   */
  static Prompter on(Terminal terminal) {
    return new TerminalPrompter(terminal);
  }
}
