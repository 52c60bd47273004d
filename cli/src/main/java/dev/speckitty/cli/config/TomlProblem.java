package dev.speckitty.cli.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What is wrong with a config file the TOML parser refused, in the words of someone who edits it
 * ("missing ]", "missing closing \"") rather than the parser's ("Newline not permitted here"). The
 * config file is a few lines of {@code key = "value"} under {@code [section]} headers, so reading
 * it line by line finds the usual mistakes; anything else keeps the parser's words.
 *
 * @param line the 1-based line
 * @param words the problem, to be followed by "at line N"
 */
record TomlProblem(int line, String words) {
  private static final Pattern BARE_VALUE =
      Pattern.compile(
          "true|false|[+-]?(inf|nan)|[+-]?(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+)"
              + "|[+-]?[0-9][0-9_]*(\\.[0-9_]+)?([eE][+-]?[0-9_]+)?"
              + "|\\d{4}-\\d{2}-\\d{2}([Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?(Z|[+-]\\d{2}:\\d{2})?"
              + "|\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");

  private static final Pattern KEY_AND_COLON = Pattern.compile("[\"']?[\\w.-]+[\"']?\\s*:");

  private static final String ESCAPABLE = "btnfr\"\\uU";

  /**
   * The problem of {@code text}, looked for first at {@code reportedLine} (where the parser
   * stopped), then as a section or key given twice, then on the lines before; empty when none of
   * these lines shows a mistake this class knows.
   */
  static Optional<TomlProblem> find(String text, int reportedLine) {
    List<String> lines = text.lines().toList();
    if (reportedLine >= 1 && reportedLine <= lines.size()) {
      Optional<String> atReported = problemOf(lines.get(reportedLine - 1));
      if (atReported.isPresent()) {
        return Optional.of(new TomlProblem(reportedLine, atReported.get()));
      }
    }
    Optional<TomlProblem> twice = givenTwice(lines);
    if (twice.isPresent()) {
      return twice;
    }
    for (int i = 0; i < Math.min(lines.size(), Math.max(reportedLine - 1, 0)); i++) {
      Optional<String> problem = problemOf(lines.get(i));
      if (problem.isPresent()) {
        return Optional.of(new TomlProblem(i + 1, problem.get()));
      }
    }
    return Optional.empty();
  }

  /** The mistake on one line, if it has one of the usual ones. */
  static Optional<String> problemOf(String raw) {
    String line = raw.strip();
    if (line.isEmpty() || line.startsWith("#")) {
      return Optional.empty();
    }
    if (line.startsWith("[")) {
      if (line.startsWith("[[")) {
        return Optional.empty(); // an array of tables: not what a spec-kitty config holds
      }
      int close = line.indexOf(']');
      if (close < 0) {
        return Optional.of("missing ]");
      }
      return extra(line.substring(close + 1), "]");
    }
    int equals = line.indexOf('=');
    if (equals < 0) {
      if (line.endsWith("]")) {
        return Optional.of("missing [");
      }
      if (KEY_AND_COLON.matcher(line).lookingAt()) {
        return Optional.of("':' instead of '='");
      }
      return Optional.of("missing = after " + line.split("\\s+", 2)[0]);
    }
    return valueProblem(line.substring(equals + 1).strip());
  }

  private static Optional<String> valueProblem(String value) {
    if (value.isEmpty() || value.startsWith("#")) {
      return Optional.of("missing value after =");
    }
    if (value.startsWith("\"\"\"") || value.startsWith("'''")) {
      return Optional.empty(); // a multi-line string: its end is on another line
    }
    if (value.startsWith("\"")) {
      for (int i = 1; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\\') {
          if (i + 1 < value.length() && ESCAPABLE.indexOf(value.charAt(i + 1)) < 0) {
            return Optional.of("unknown escape \\" + value.charAt(i + 1) + " (write \\\\ for \\)");
          }
          i++;
        } else if (c == '"') {
          return extra(value.substring(i + 1), "the value");
        }
      }
      return Optional.of("missing closing \"");
    }
    if (value.startsWith("'")) {
      int close = value.indexOf('\'', 1);
      return close < 0
          ? Optional.of("missing closing '")
          : extra(value.substring(close + 1), "the value");
    }
    if (value.startsWith("[") || value.startsWith("{")) {
      return Optional.empty(); // an array or inline table, perhaps over several lines
    }
    String[] token = value.split("[\\s#]", 2);
    if (!BARE_VALUE.matcher(token[0]).matches()) {
      return Optional.of("missing quotes around the value");
    }
    return extra(value.substring(token[0].length()), "the value");
  }

  /** "unexpected … after {what}" when {@code rest} holds more than a comment. */
  private static Optional<String> extra(String rest, String what) {
    String r = rest.strip();
    if (r.isEmpty() || r.startsWith("#")) {
      return Optional.empty();
    }
    String shown = r.length() > 20 ? r.substring(0, 20) + "…" : r;
    return Optional.of("unexpected " + shown + " after " + what);
  }

  /** The second time a section header, or a key within one section, appears. */
  private static Optional<TomlProblem> givenTwice(List<String> lines) {
    Map<String, Integer> sections = new HashMap<>();
    Map<String, Integer> keys = new HashMap<>();
    String section = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("[") && !line.startsWith("[[") && line.indexOf(']') > 0) {
        section = name(line.substring(1, line.indexOf(']')));
        if (sections.putIfAbsent(section, i + 1) != null) {
          return Optional.of(new TomlProblem(i + 1, "[" + section + "] given a second time"));
        }
      } else if (!line.startsWith("#") && line.indexOf('=') > 0) {
        String key = name(line.substring(0, line.indexOf('=')));
        if (keys.putIfAbsent(section + "\u0000" + key, i + 1) != null) {
          return Optional.of(new TomlProblem(i + 1, key + " set a second time"));
        }
      }
    }
    return Optional.empty();
  }

  private static String name(String quoted) {
    return quoted.strip().replaceAll("^[\"']|[\"']$", "");
  }
}
