package dev.speckitty.cli.auth;

import dev.speckitty.cli.core.Failure;
import java.io.Console;

/**
 * Prompts through the JDK's console, which turns the terminal's echo off while a password is typed
 * (nothing shows, not even {@code *}). For a terminal that calls itself dumb ({@code TERM=dumb}):
 * JLine treats it as a plain stream and leaves the echo on, so a password would show as typed.
 */
final class ConsolePrompter implements Prompter {
  private final Console console;

  ConsolePrompter(Console console) {
    this.console = console;
  }

  @Override
  public String readLine(String prompt) {
    String line = console.readLine("%s", prompt);
    if (line == null) {
      throw Failure.LOGIN_CANCELLED.with();
    }
    return line.strip();
  }

  @Override
  public char[] readPassword(String prompt) {
    char[] password = console.readPassword("%s", prompt);
    if (password == null) {
      throw Failure.LOGIN_CANCELLED.with();
    }
    return password;
  }

  @Override
  public void close() {}
}
