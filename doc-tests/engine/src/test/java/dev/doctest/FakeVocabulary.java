package dev.doctest;

import dev.doctest.prose.Closest;
import dev.doctest.prose.CodeSpan;
import dev.doctest.prose.FileBlock;
import dev.doctest.prose.Finding;
import dev.doctest.prose.Sentence;
import dev.doctest.prose.Verdict;
import dev.doctest.prose.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The names of a tiny fake tool, for the engine's prose tests: commands {@code fake-cli greet} and
 * {@code fake-cli shout}, options {@code --loud}, {@code --name}, {@code --new}, and config keys
 * {@code name} and {@code volume}.
 */
final class FakeVocabulary implements Vocabulary {
  static final Set<String> COMMANDS = Set.of("greet", "shout");
  static final Set<String> OPTIONS = Set.of("--loud", "--name", "--new");
  static final Set<String> KEYS = Set.of("name", "volume");

  @Override
  public Verdict judge(CodeSpan span, Sentence sentence) {
    String text = span.text();
    if (text.startsWith("fake-cli ")) {
      String command = text.split(" ")[1];
      return COMMANDS.contains(command)
          ? Verdict.KNOWN
          : Verdict.of(
              List.of(
                  "no command `fake-cli " + command + "`" + Closest.didYouMean(command, COMMANDS)));
    }
    if (text.startsWith("--")) {
      return OPTIONS.contains(text)
          ? Verdict.KNOWN
          : Verdict.of(List.of("no option `" + text + "`" + Closest.didYouMean(text, OPTIONS)));
    }
    return Verdict.NOT_OURS;
  }

  @Override
  public List<Finding> judgeFile(FileBlock file) {
    List<Finding> findings = new ArrayList<>();
    List<String> lines = file.content().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String[] assignment = lines.get(i).split("=", 2);
      String key = assignment[0].strip();
      if (assignment.length == 2 && !KEYS.contains(key)) {
        findings.add(
            new Finding(
                file.line(i + 1),
                "no key `" + key + "` in " + file.path() + Closest.didYouMean(key, KEYS)));
      }
    }
    return findings;
  }
}
