package dev.speckitty.cli.core;

/**
 * Text that came from a server, made safe for a terminal: a server (or anything between it and us)
 * must not be able to set the window title, clear the screen or flood the terminal through an error
 * detail or a rejection reason.
 */
public final class ServerText {
  /** The most characters of server text a message shows. */
  public static final int MAX_LENGTH = 200;

  private ServerText() {}

  /**
   * {@code text} without control characters (C0 including ESC, DEL, C1, and the bidirectional
   * overrides that reorder what is shown), tabs and line breaks as single spaces, capped at {@link
   * #MAX_LENGTH} characters with "…".
   */
  public static String sanitize(String text) {
    String clean = withoutControls(text).strip();
    if (clean.codePointCount(0, clean.length()) <= MAX_LENGTH) {
      return clean;
    }
    return clean.substring(0, clean.offsetByCodePoints(0, MAX_LENGTH - 1)).stripTrailing() + "…";
  }

  /** {@code text} with tabs and line breaks as spaces and other control characters removed. */
  static String withoutControls(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), 4 * MAX_LENGTH));
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
          out.append(' ');
        }
      } else if (!isControl(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e
        || c == 0x200f;
  }
}
