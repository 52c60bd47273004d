package dev.speckitty.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * A span's shell commands and their words, the way a shell splits them: commands at {@code |},
 * {@code &&}, {@code ||} and {@code ;}, words at white space — except inside quotes, and inside the
 * {@code [ ]} of usage notation ({@code [-f | --force]} is one option group, not a pipe).
 */
final class ShellWords {
  private ShellWords() {}

  static List<List<String>> commands(String span) {
    List<List<String>> commands = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    int brackets = 0;
    for (int i = 0; i < span.length(); i++) {
      char c = span.charAt(i);
      if (quote != 0) {
        word.append(c);
        if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '"' || c == '\'') {
        quote = c;
        word.append(c);
      } else if (brackets == 0 && (c == '|' || c == ';' || c == '&')) {
        flush(word, words);
        if (!words.isEmpty()) {
          commands.add(words);
        }
        words = new ArrayList<>();
      } else if (Character.isWhitespace(c)) {
        flush(word, words);
      } else {
        brackets += c == '[' ? 1 : c == ']' && brackets > 0 ? -1 : 0;
        word.append(c);
      }
    }
    flush(word, words);
    if (!words.isEmpty()) {
      commands.add(words);
    }
    return commands;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (!word.isEmpty()) {
      words.add(word.toString());
      word.setLength(0);
    }
  }
}
