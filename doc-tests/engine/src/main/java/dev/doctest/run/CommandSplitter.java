package dev.doctest.run;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a shell block into the commands a reader would type one by one, so that a failure in any
 * of them — not only the last — fails the step, as the reader would have seen it fail. Only plain
 * lines are split; a block with here-documents, open quotes, line continuations or compound
 * commands stays one unit (then its last command's status counts, as in a script).
 */
final class CommandSplitter {
  private static final Pattern COMPOUND =
      Pattern.compile(
          "(^|[;&|\\s])(if|then|else|elif|fi|for|while|until|do|done|case|esac|function)(\\s|;|$)|[{}()]\\s*$|^\\s*[{}()]");

  private CommandSplitter() {}

  static List<String> split(String block) {
    List<String> lines = block.lines().filter(l -> !l.isBlank()).toList();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.contains("<<")
          || trimmed.endsWith("\\")
          || trimmed.endsWith("&&")
          || trimmed.endsWith("||")
          || trimmed.endsWith("|")
          || !balancedQuotes(trimmed)
          || COMPOUND.matcher(trimmed).find()) {
        return List.of(block);
      }
    }
    List<String> commands = new ArrayList<>();
    for (String line : lines) {
      if (!line.strip().startsWith("#")) {
        commands.add(line);
      }
    }
    return commands.isEmpty() ? List.of(block) : commands;
  }

  private static boolean balancedQuotes(String line) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && !single) {
        i++;
      } else if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      } else if (c == '#'
          && !single
          && !dbl
          && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        break;
      }
    }
    return !single && !dbl;
  }
}
