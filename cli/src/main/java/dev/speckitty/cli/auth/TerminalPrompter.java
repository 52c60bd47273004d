package dev.speckitty.cli.auth;

import dev.speckitty.cli.core.Failure;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/** Prompts on the terminal with JLine; the password is echoed as one {@code *} per character. */
final class TerminalPrompter implements Prompter {
  private final Terminal terminal;
  private final Attributes original;
  private final LineReader reader;

  TerminalPrompter() {
    this(open());
  }

  TerminalPrompter(Terminal terminal) {
    this.terminal = terminal;
    if (terminal.getWidth() <= 0) {
      // Some pseudo-terminals report no size; JLine cannot lay out a prompt in zero columns.
      terminal.setSize(new Size(80, Math.max(terminal.getHeight(), 24)));
    }
    // Stay out of echo mode from the first prompt to the last: answers typed ahead, before JLine
    // reads them, must not be echoed by the terminal — least of all a password.
    original = terminal.enterRawMode();
    reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .option(LineReader.Option.BRACKETED_PASTE, false)
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .option(LineReader.Option.DISABLE_HIGHLIGHTER, true)
            .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
            .build();
  }

  /**
   * The terminal through JLine's native (JNI) access, which it ships for the platforms the launcher
   * supports; JLine's full search would also start an {@code stty} or {@code test} process per
   * check. Elsewhere, that search.
   */
  private static Terminal open() {
    useBundledCapabilities(System.getenv("TERM"));
    try {
      try {
        return TerminalBuilder.builder().system(true).provider("jni").dumb(false).build();
      } catch (IOException | IllegalStateException | LinkageError e) {
        return TerminalBuilder.builder().system(true).build();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * JLine's own capabilities for a common terminal type (xterm, screen, ...), instead of running
   * {@code infocmp} for them: two prompts need no more than those describe.
   */
  static void useBundledCapabilities(String type) {
    if (type == null || InfoCmp.getLoadedInfoCmp(type) != null) {
      return;
    }
    String bundled = InfoCmp.getDefaultInfoCmp(type);
    if (bundled != null) {
      InfoCmp.setLoadedInfoCmp(type, bundled);
    }
  }

  @Override
  public String readLine(String prompt) {
    return read(prompt, null).strip();
  }

  @Override
  public char[] readPassword(String prompt) {
    return read(prompt, '*').toCharArray();
  }

  private String read(String prompt, Character mask) {
    try {
      return reader.readLine(prompt, mask);
    } catch (UserInterruptException | EndOfFileException e) {
      throw Failure.LOGIN_CANCELLED.with();
    }
  }

  @Override
  public void close() {
    try {
      terminal.setAttributes(original);
      terminal.close();
    } catch (IOException ignored) {
      // Nothing useful to do: the prompts are answered.
    }
  }
}
