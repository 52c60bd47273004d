package dev.doctest.match;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a reader sees on the screen for some terminal output: escape sequences removed, carriage
 * returns and backspaces applied within each line, line endings unified, trailing spaces and
 * trailing empty lines dropped.
 */
public final class TerminalText {
  private static final Pattern ESCAPES =
      Pattern.compile(
          "\\u001B\\[[0-?]*[ -/]*[@-~]" // CSI: colours, cursor moves, modes
              + "|\\u001B\\][^\\u0007\\u001B]*(?:\\u0007|\\u001B\\\\)" // OSC: titles
              + "|\\u001B[()][0-9A-Za-z]" // charset selection
              + "|\\u001B[=>78DEHMNOc]"); // keypad modes, save/restore, resets

  private TerminalText() {}

  public static String normalize(String raw) {
    String text = ESCAPES.matcher(raw).replaceAll("");
    text = text.replace("\r\n", "\n");
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      lines.add(stripTrailing(render(line)));
    }
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isEmpty()) {
      end--;
    }
    return String.join("\n", lines.subList(0, end));
  }

  /** One line as a terminal draws it: {@code \r} returns to column 0, {@code \b} steps back. */
  private static String render(String line) {
    if (line.indexOf('\r') < 0 && line.indexOf('\b') < 0) {
      return line;
    }
    StringBuilder screen = new StringBuilder();
    int col = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\r') {
        col = 0;
      } else if (c == '\b') {
        col = Math.max(0, col - 1);
      } else {
        if (col < screen.length()) {
          screen.setCharAt(col, c);
        } else {
          screen.append(c);
        }
        col++;
      }
    }
    return screen.toString();
  }

  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return s.substring(0, end);
  }
}
