package dev.doctest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of the shell's grammar to hold pages to two rules: a hidden command ({@code run=}) is
 * the tool itself, perhaps fed by {@code printf}; and a block does not swallow a failure with
 * {@code ||}. Quotes are respected; here-document bodies are not commands.
 */
final class ShellText {
  private static final Set<String> FEEDERS = Set.of("printf", "echo");
  private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=.*");
  private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)");

  private ShellText() {}

  /** A word or an operator outside quotes. */
  private record Token(String text, boolean operator) {}

  /**
   * Why {@code script} is not a hidden command a reader could have typed: one pipeline whose last
   * stage runs {@code tool} (after {@code NAME=value} settings) and whose earlier stages only feed
   * it text ({@code printf}, {@code echo}). Empty when it is one.
   */
  static Optional<String> runProblem(String script, String tool, List<String> checked) {
    List<Token> tokens;
    try {
      tokens = tokens(script);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    List<List<String>> stages = new ArrayList<>();
    List<String> stage = new ArrayList<>();
    for (Token t : tokens) {
      if (t.operator() && t.text().equals("#")) {
        return Optional.of(
            "a # starts a comment: the shell ignores the rest of the line, so what runs is not"
                + " what the note shows");
      }
      if (t.operator() && t.text().equals("|")) {
        stages.add(stage);
        stage = new ArrayList<>();
      } else if (t.operator()) {
        return Optional.of(
            "'"
                + t.text()
                + "' makes it more than one command, and what the others print would be judged as"
                + " "
                + tool
                + "'s output");
      } else {
        stage.add(t.text());
      }
    }
    stages.add(stage);
    List<String> notHere = dev.doctest.model.RuntimeVariables.notInAHiddenCommand(checked);
    for (List<String> words : stages) {
      for (String w : words) {
        if (!ASSIGNMENT.matcher(w).matches()) {
          break;
        }
        String name = w.substring(0, w.indexOf('='));
        if (notHere.contains(name)) {
          return Optional.of(
              name
                  + "= decides which program runs, or on what: the note would name "
                  + tool
                  + " while something else may run");
        }
      }
    }
    if (!commandWord(stages.get(stages.size() - 1)).equals(tool)) {
      return Optional.of("it must end in " + tool + ", whose output the page shows");
    }
    for (int i = 0; i < stages.size() - 1; i++) {
      String command = commandWord(stages.get(i));
      if (!FEEDERS.contains(command)) {
        return Optional.of(
            "only printf or echo may feed " + tool + " (through a pipe), not " + command);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code block} swallows a failure with {@code ||} outside quotes and here-documents. */
  static boolean swallowsFailures(String block) {
    String heredocEnd = null;
    for (String line : block.lines().toList()) {
      if (heredocEnd != null) {
        if (line.strip().equals(heredocEnd)) {
          heredocEnd = null;
        }
        continue;
      }
      Matcher m = HEREDOC.matcher(line);
      if (m.find()) {
        heredocEnd = m.group(1);
      }
      try {
        if (tokens(line).stream().anyMatch(t -> t.operator() && t.text().equals("||"))) {
          return true;
        }
      } catch (IllegalArgumentException unbalanced) {
        // A quote that spans lines: not a line we can judge alone.
      }
    }
    return false;
  }

  /**
   * The first command name in {@code block} holding a character outside ASCII ({@code spec-kіtty}
   * with a Cyrillic {@code і} looks like the tool but is another program), if any.
   */
  static Optional<String> lookAlikeCommand(String block) {
    for (String line : block.lines().toList()) {
      List<Token> tokens;
      try {
        tokens = tokens(line);
      } catch (IllegalArgumentException unbalanced) {
        continue; // a quote that spans lines: its words are arguments
      }
      boolean commandPosition = true;
      for (Token t : tokens) {
        if (t.operator()) {
          commandPosition = true;
        } else if (commandPosition && !ASSIGNMENT.matcher(t.text()).matches()) {
          if (!t.text().chars().allMatch(c -> c < 128)) {
            return Optional.of(t.text());
          }
          commandPosition = false;
        }
      }
    }
    return Optional.empty();
  }

  private static String commandWord(List<String> words) {
    for (String w : words) {
      if (!ASSIGNMENT.matcher(w).matches()) {
        return w;
      }
    }
    return "";
  }

  private static List<Token> tokens(String s) {
    List<Token> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("a quote is not closed");
        }
        word.append(s, i + 1, end);
        i = end + 1;
      } else if (c == '"') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '"') {
          if (s.charAt(j) == '\\') {
            j++;
          } else if (s.charAt(j) == '`'
              || (s.charAt(j) == '$' && j + 1 < s.length() && s.charAt(j + 1) == '(')) {
            throw new IllegalArgumentException("a command substitution runs another command");
          }
          j++;
        }
        if (j >= s.length()) {
          throw new IllegalArgumentException("a quote is not closed");
        }
        word.append(s, i + 1, j);
        i = j + 1;
      } else if (c == '\\' && i + 1 < s.length()) {
        word.append(s.charAt(i + 1));
        i += 2;
      } else if (c == ' ' || c == '\t') {
        // Only these separate words in bash: any other space (U+2003 …) is part of a word there.
        flush(word, tokens);
        i++;
      } else if (c == '#' && word.isEmpty()) {
        // A comment: the shell ignores the rest of the line.
        tokens.add(new Token("#", true));
        int end = s.indexOf('\n', i);
        i = end < 0 ? s.length() : end;
      } else if (c == '`' || (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '(')) {
        throw new IllegalArgumentException("a command substitution runs another command");
      } else if ("|&;<>\n".indexOf(c) >= 0) {
        flush(word, tokens);
        int j = i + 1;
        if (j < s.length() && (s.charAt(j) == c && (c == '|' || c == '&'))) {
          j++;
        }
        String op = s.substring(i, j);
        tokens.add(new Token(op.equals("\n") ? "a new line" : op, true));
        i = j;
      } else {
        word.append(c);
        i++;
      }
    }
    flush(word, tokens);
    return tokens;
  }

  private static void flush(StringBuilder word, List<Token> tokens) {
    if (!word.isEmpty()) {
      tokens.add(new Token(word.toString(), false));
      word.setLength(0);
    }
  }
}
