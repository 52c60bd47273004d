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

  /**
   * The prompter for this process: JLine on a terminal, the JDK's console on a dumb one (see {@link
   * ConsolePrompter}), standard input otherwise.
   */
  static Prompter open(CliContext ctx) {
    if (!ctx.interactive()) {
      return new StreamPrompter(ctx.stdin());
    }
    if (dumbTerminal(ctx) && System.console() != null) {
      return new ConsolePrompter(System.console());
    }
    return new TerminalPrompter();
  }

  /**
   * Whether the terminal calls itself dumb ({@code dumb}, {@code dumb-color}), as JLine reads it.
   */
  static boolean dumbTerminal(CliContext ctx) {
    return ctx.envVar("TERM").filter(t -> t.startsWith("dumb")).isPresent();
  }

  /**
   * The JLine prompter on a terminal of the caller's (the build's class-data training makes one).
   */
  static Prompter on(Terminal terminal) {
    return new TerminalPrompter(terminal);
  }
}
