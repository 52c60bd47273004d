package dev.doctest.match;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.builtins.ScreenTerminal;

/**
 * What a reader sees on the screen for some terminal output: escape sequences removed, carriage
 * returns and backspaces applied within each line, line endings unified, trailing spaces and
 * trailing empty lines dropped. Output that moves the cursor, erases or scrolls is drawn on a
 * terminal screen (JLine's VT100 {@link ScreenTerminal}), and concealed text shows as blanks: a
 * page cannot show lines a terminal would have erased or hidden.
 */
public final class TerminalText {
  private static final Pattern ESCAPES =
      Pattern.compile(
          "\\u001B\\[[0-?]*[ -/]*[@-~]" // CSI: colours, cursor moves, modes
              + "|\\u001B\\][^\\u0007\\u001B]*(?:\\u0007|\\u001B\\\\)" // OSC: titles
              + "|\\u001B[()][0-9A-Za-z]" // charset selection
              + "|\\u001B[=>78DEHMNOc]"); // keypad modes, save/restore, resets

  /** Sequences that change what is already on the screen, or where the next text goes. */
  private static final Pattern SCREEN_CHANGES =
      Pattern.compile("\\u001B\\[[0-?]*[ -/]*[@A-HJKLMPSTXZdfrsu`]|\\u001B[78DEMc]");

  /** Select graphic rendition (colours, styles): parameter 8 conceals, 0 and 28 reveal. */
  private static final Pattern SGR = Pattern.compile("\\u001B\\[([0-9;:]*)m");

  private TerminalText() {}

  public static String normalize(String raw) {
    String shown = concealed(raw);
    if (SCREEN_CHANGES.matcher(shown).find()) {
      return drawn(shown);
    }
    String text = ESCAPES.matcher(shown).replaceAll("");
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

  /** Text written while concealment is on, as the blanks a terminal shows for it. */
  private static String concealed(String raw) {
    if (!raw.contains("\u001B[")) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    boolean hidden = false;
    Matcher escape = ESCAPES.matcher(raw);
    int at = 0;
    while (escape.find()) {
      String between = raw.substring(at, escape.start());
      out.append(hidden ? blanks(between) : between);
      out.append(escape.group());
      Matcher sgr = SGR.matcher(escape.group());
      if (sgr.matches()) {
        String[] params = sgr.group(1).split(";", -1);
        for (int i = 0; i < params.length; i++) {
          switch (params[i]) {
            case "8" -> hidden = true;
            case "", "0", "28" -> hidden = false;
            // an extended colour: 5;<index> or 2;<r>;<g>;<b> follow, none of them a style
            case "38", "48", "58" ->
                i += i + 1 < params.length && params[i + 1].equals("2") ? 4 : 2;
            default -> {}
          }
        }
      }
      at = escape.end();
    }
    out.append(hidden ? blanks(raw.substring(at)) : raw.substring(at));
    return out.toString();
  }

  private static String blanks(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints()
        .forEach(c -> b.appendCodePoint(c == '\n' || c == '\r' || c == '\b' ? c : ' '));
    return b.toString();
  }

  /**
   * The output as a terminal screen shows it once all of it is written: a screen as wide as its
   * longest line and tall enough that nothing scrolls away, each line feed also returning the
   * carriage (as a terminal's line discipline does).
   */
  private static String drawn(String text) {
    String crlf = text.replace("\r\n", "\n").replace("\n", "\r\n");
    int rows = 2;
    int columns = 80;
    for (String line : crlf.split("\n", -1)) {
      rows++;
      columns = Math.max(columns, line.length() + 1);
    }
    ScreenTerminal screen = new ScreenTerminal(columns, rows);
    screen.write(crlf);
    List<String> lines = new ArrayList<>();
    for (String line : screen.toString().split("\n", -1)) {
      lines.add(stripTrailing(line));
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
