package dev.doctest.match;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.builtins.ScreenTerminal;

/**
 * What a reader sees on the screen for some terminal output: escape sequences removed, carriage
 * returns and backspaces applied within each line, line endings unified, trailing spaces and
 * trailing empty lines dropped. Text a terminal does not show is not seen here either: concealed
 * text and text coloured like its background show as blanks, text on the alternate screen and in
 * control strings is gone, and output that moves the cursor, erases or scrolls is drawn on an 80 ×
 * 24 terminal screen (JLine's VT100 {@link ScreenTerminal}). Output whose screen depends on the
 * terminal (character widths, the line-drawing set, more than one screen redrawn) cannot be
 * checked: {@link Unreadable}.
 */
public final class TerminalText {
  /**
   * The terminal a reader is assumed to have, as steps are told ({@code COLUMNS}, {@code LINES}).
   */
  static final int COLUMNS = 80;

  static final int ROWS = 24;

  private static final Pattern ESCAPES =
      Pattern.compile(
          "\\u001B\\[[0-?]*[ -/]*[@-~]" // CSI: colours, cursor moves, modes
              + "|\\u001B\\][^\\u0007\\u001B]*(?:\\u0007|\\u001B\\\\)" // OSC: titles, links
              + "|\\u001B[()*+][0-9A-Za-z]" // character set selection
              + "|\\u001B#[0-9]" // line size, screen alignment
              + "|\\u001B[=>78DEHMNOc]"); // keypad modes, save/restore, tab stop, resets

  /**
   * Control strings (DCS, SOS, PM, APC): a terminal shows nothing of them up to their end (ST, or
   * CAN or SUB, which cancel them).
   */
  private static final Pattern STRINGS =
      Pattern.compile("\\u001B[PX^_][\\s\\S]*?(?:\\u001B\\\\|\\u0007|\\u0018|\\u001A|$)");

  /** Sequences that change what is already on the screen, or where the next text goes. */
  private static final Pattern SCREEN_CHANGES =
      Pattern.compile(
          "\\u001B\\[[0-?]*[ -/]*[@A-HJKLMPSTXZbdfgrsu`]|\\u001B[78DEHMc]|\\u001B#[0-9]");

  /** Sequences that move the cursor along a line, over characters whose width matters. */
  private static final Pattern ALONG_A_LINE =
      Pattern.compile("\\u001B\\[[0-9;]*[CDGHf`]|\\u001B[78]|\\u0008|\\r(?!\\n)|\\t");

  /** Selecting the line-drawing set: terminals show other characters than the text's. */
  private static final Pattern LINE_DRAWING = Pattern.compile("\\u001B[()*+]0");

  /** Select graphic rendition (colours, styles). */
  private static final Pattern SGR = Pattern.compile("\\u001B\\[([0-9;:]*)m");

  /** Private modes set ({@code h}) or reset ({@code l}), such as the alternate screen's. */
  private static final Pattern MODES = Pattern.compile("\\u001B\\[\\?([0-9;]*)([hl])");

  /** Output whose screen this class cannot tell: the step it came from fails, saying why. */
  public static final class Unreadable extends RuntimeException {
    Unreadable(String why) {
      super(why);
    }
  }

  private TerminalText() {}

  /**
   * The text a reader sees once {@code raw} is written to a terminal.
   *
   * @throws Unreadable when that depends on the terminal
   */
  public static String normalize(String raw) {
    String shown = visible(STRINGS.matcher(raw).replaceAll(""));
    if (LINE_DRAWING.matcher(shown).find()) {
      throw new Unreadable(
          "the output draws with the terminal's line-drawing character set (ESC ( 0): a terminal"
              + " shows other characters than its text, so it cannot be checked");
    }
    shown = shown.replaceAll("\\r+\\n", "\n");
    if (SCREEN_CHANGES.matcher(shown).find() || overwritesAWrappedLine(shown)) {
      return drawn(shown);
    }
    String text = ESCAPES.matcher(shown).replaceAll("");
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      // a carriage return with nothing after it changes nothing
      lines.add(stripTrailing(render(line.replaceAll("[\r]+$", ""))));
    }
    return joined(lines);
  }

  /**
   * {@code raw} without what a terminal would not show: text on the alternate screen (gone when the
   * program leaves it), concealed text and text in its background's colour (blanks).
   */
  private static String visible(String raw) {
    if (raw.indexOf('\u001B') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    Rendition style = new Rendition();
    boolean alternate = false;
    Matcher escape = ESCAPES.matcher(raw);
    int at = 0;
    while (escape.find()) {
      if (!alternate) {
        String between = raw.substring(at, escape.start());
        out.append(style.hidden() ? blanks(between) : between);
      }
      Matcher sgr = SGR.matcher(escape.group());
      Matcher modes = MODES.matcher(escape.group());
      if (modes.matches()
          && modes.group(2).equals("l")
          && List.of(modes.group(1).split(";")).contains("7")) {
        throw new Unreadable(
            "the output turns the terminal's line wrapping off (ESC [ ? 7 l): what a long line"
                + " leaves on the screen then depends on the terminal, so it cannot be checked");
      }
      if (sgr.matches()) {
        style.apply(sgr.group(1));
      } else if (modes.matches()
          && List.of(modes.group(1).split(";")).stream()
              .anyMatch(m -> m.equals("1049") || m.equals("1047") || m.equals("47"))) {
        alternate = modes.group(2).equals("h");
      } else if (!alternate) {
        out.append(escape.group());
      }
      at = escape.end();
    }
    if (alternate) {
      throw new Unreadable(
          "the output ends on the terminal's alternate screen (ESC [ ? 1049 h): what a reader sees"
              + " then depends on the program, so it cannot be checked");
    }
    String rest = raw.substring(at);
    out.append(style.hidden() ? blanks(rest) : rest);
    return out.toString();
  }

  /** Colours and concealment, as SGR sequences set them: enough to tell text nobody can see. */
  private static final class Rendition {
    private boolean concealed;
    private String foreground = "";
    private String background = "";

    void apply(String parameters) {
      String[] p = parameters.split("[;:]", -1);
      for (int i = 0; i < p.length; i++) {
        int n = number(p[i]);
        if (n == 0) {
          concealed = false;
          foreground = "";
          background = "";
        } else if (n == 8) {
          concealed = true;
        } else if (n == 28) {
          concealed = false;
        } else if (n >= 30 && n <= 37 || n >= 90 && n <= 97) {
          foreground = indexed(n >= 90 ? n - 82 : n - 30);
        } else if (n >= 40 && n <= 47 || n >= 100 && n <= 107) {
          background = indexed(n >= 100 ? n - 92 : n - 40);
        } else if (n == 39) {
          foreground = "";
        } else if (n == 49) {
          background = "";
        } else if (n == 38 || n == 48 || n == 58) {
          // an extended colour: 5;<index> or 2;<r>;<g>;<b>
          int kind = i + 1 < p.length ? number(p[i + 1]) : -1;
          int length = kind == 2 ? 4 : 2;
          String value =
              kind == 2 ? rgb(at(p, i + 2), at(p, i + 3), at(p, i + 4)) : indexed(at(p, i + 2));
          if (n == 38) {
            foreground = value;
          } else if (n == 48) {
            background = value;
          }
          i += length;
        }
      }
    }

    boolean hidden() {
      return concealed || !foreground.isEmpty() && foreground.equals(background);
    }

    private static int at(String[] p, int i) {
      return i < p.length ? number(p[i]) : 0;
    }

    private static String rgb(int r, int g, int b) {
      return "rgb:" + r + "," + g + "," + b;
    }

    /**
     * A colour of the 256-colour palette: its red, green and blue where every xterm-like terminal
     * agrees on them (the 6 × 6 × 6 cube and the greys), its index for the 16 a theme chooses.
     */
    private static String indexed(int n) {
      if (n >= 16 && n <= 231) {
        int[] level = {0, 95, 135, 175, 215, 255};
        int c = n - 16;
        return rgb(level[c / 36], level[c / 6 % 6], level[c % 6]);
      }
      if (n >= 232 && n <= 255) {
        int grey = 8 + 10 * (n - 232);
        return rgb(grey, grey, grey);
      }
      return "index:" + n;
    }

    private static int number(String parameter) {
      try {
        return parameter.isEmpty() ? 0 : Integer.parseInt(parameter);
      } catch (NumberFormatException tooLong) {
        return -1;
      }
    }
  }

  private static String blanks(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints()
        .forEach(c -> b.appendCodePoint(c == '\n' || c == '\r' || c == '\b' ? c : ' '));
    return b.toString();
  }

  /**
   * Whether a carriage return or a backspace lands in a line wider than the terminal: there it goes
   * back within the last row the line wrapped to, not to the line's start.
   */
  private static boolean overwritesAWrappedLine(String text) {
    for (String line : text.split("\n", -1)) {
      if ((line.indexOf('\r') >= 0 || line.indexOf('\b') >= 0)
          && ESCAPES.matcher(line).replaceAll("").length() > COLUMNS) {
        return true;
      }
    }
    return false;
  }

  /**
   * The output as an 80 × 24 terminal shows it once all of it is written, each line feed also
   * returning the carriage (as a terminal's line discipline does). Only output that one screen
   * holds, and whose drawing does not depend on how wide the terminal draws each character.
   */
  private static String drawn(String text) {
    boolean wide = text.codePoints().anyMatch(c -> c > 0x7E);
    if (wide && ALONG_A_LINE.matcher(text).find()) {
      throw new Unreadable(
          "the output moves the cursor along a line holding characters whose width differs between"
              + " terminals (emoji, wide or combining characters): what stays on the screen cannot"
              + " be checked");
    }
    int rows = 0;
    for (String line : ESCAPES.matcher(text).replaceAll("").split("\n", -1)) {
      int columns = line.replace("\r", "").length();
      int worst = columns + (int) line.codePoints().filter(c -> c > 0x7E).count();
      if (worst > COLUMNS && worst != columns) {
        throw new Unreadable(
            "the output moves the cursor or erases, and a line of it may or may not wrap at "
                + COLUMNS
                + " columns (its characters' widths differ between terminals): what stays on the"
                + " screen cannot be checked");
      }
      rows += Math.max(1, (columns + COLUMNS - 1) / COLUMNS);
    }
    if (rows > ROWS) {
      throw new Unreadable(
          "the output moves the cursor or erases, and is longer than one "
              + COLUMNS
              + " × "
              + ROWS
              + " terminal screen: what stays visible cannot be checked; keep such output short");
    }
    if (text.indexOf('\t') >= 0) {
      throw new Unreadable(
          "the output moves the cursor or erases, and holds tabs: where a tab stops on such a"
              + " screen cannot be checked; print spaces");
    }
    String drawing;
    try {
      ScreenTerminal screen = new ScreenTerminal(COLUMNS, ROWS);
      screen.write(text.replace("\n", "\r\n"));
      drawing = screen.toString();
    } catch (RuntimeException cannot) {
      throw new Unreadable(
          "the output's control sequences could not be drawn on a terminal screen ("
              + cannot.getMessage()
              + "), so it cannot be checked");
    }
    List<String> lines = new ArrayList<>();
    for (String line : drawing.split("\n", -1)) {
      lines.add(stripTrailing(line));
    }
    return joined(lines);
  }

  /** The lines without the empty ones at the end. */
  private static String joined(List<String> lines) {
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
    if (line.codePoints().anyMatch(c -> c > 0x7E)) {
      throw new Unreadable(
          "the output writes over a line holding characters whose width differs between terminals"
              + " (emoji, wide or combining characters) with a carriage return or a backspace:"
              + " what stays on the screen cannot be checked");
    }
    StringBuilder screen = new StringBuilder();
    int col = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\r') {
        col = 0;
      } else if (c == '\b') {
        col = Math.max(0, col - 1);
      } else if (c == '\t') {
        // to the next tab stop, every 8 columns, over what is there
        col = (col / 8 + 1) * 8;
        while (screen.length() < col) {
          screen.append(' ');
        }
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
