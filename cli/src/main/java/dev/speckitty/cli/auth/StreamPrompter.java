package dev.speckitty.cli.auth;

import dev.speckitty.cli.core.Failure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads answers as lines from standard input, printing no prompts (nobody is there to read them).
 */
final class StreamPrompter implements Prompter {
  private final BufferedReader in;

  StreamPrompter(InputStream stdin) {
    this.in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
  }

  @Override
  public String readLine(String prompt) {
    return next(prompt);
  }

  @Override
  public char[] readPassword(String prompt) {
    return next(prompt).toCharArray();
  }

  private String next(String prompt) {
    String line;
    try {
      line = in.readLine();
    } catch (IOException e) {
      line = null;
    }
    String what = prompt.replace(":", "").strip().toLowerCase(java.util.Locale.ROOT);
    if (line == null) {
      throw Failure.NOTHING_ON_STDIN.with("what", what);
    }
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  @Override
  public void close() {
    // Standard input belongs to the process; leave it open.
  }
}
