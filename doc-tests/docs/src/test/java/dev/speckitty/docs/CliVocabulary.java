package dev.speckitty.docs;

import dev.doctest.prose.Closest;
import dev.doctest.prose.CodeSpan;
import dev.doctest.prose.FileBlock;
import dev.doctest.prose.Finding;
import dev.doctest.prose.Sentence;
import dev.doctest.prose.Verdict;
import dev.doctest.prose.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/**
 * spec-kitty's names, for the prose check: which code spans name the CLI, and whether what they
 * name exists. A span is claimed only when it looks like the CLI's vocabulary (the rules are in
 * {@code docs/contributing/writing-executable-docs.md}, "Prose is checked too"):
 *
 * <ul>
 *   <li>a command line: {@code spec-kitty …} (also after {@code |}, {@code &&}, {@code VAR=x}, a
 *       {@code $} prompt, a wrapper such as {@code sudo} or {@code xargs}, in a subshell), or a
 *       top-level command on its own ({@code sync now}) — against the picocli model;
 *   <li>a lone option, {@code --word} or {@code -x}: an option of a command the same sentence
 *       names, or of any command when it names none;
 *   <li>{@code SPEC_KITTY_*} anywhere in a span (or in the words): a variable the CLI reads;
 *   <li>{@code [section]}, {@code [section] key}, {@code key = value}, and a bare {@code key} right
 *       after a section span or next to the word "key"/"setting": the config file's settings;
 *   <li>{@code .spec-kitty/<file>}: a file the CLI keeps there;
 *   <li>"exit code N", "exits with code N" in the words: one of the CLI's exit codes.
 * </ul>
 *
 * Anything else — {@code 001-photo-gallery}, {@code kitty-specs/}, a JSON field, an HTTP path, a
 * JVM option such as {@code -Xmx256m} — is not the CLI's, and is left alone.
 */
final class CliVocabulary implements Vocabulary {
  private static final Pattern LONE_OPTION =
      Pattern.compile("^(--[A-Za-z][\\w-]*|-[A-Za-z])(=.*)?$");
  private static final Pattern VARIABLE = Pattern.compile("SPEC_KITTY_[A-Z0-9_]*\\*?");
  private static final Pattern STATE_FILE = Pattern.compile("\\.spec-kitty/([^\\s/`'\"():,;]*)");
  private static final Pattern SECTION = Pattern.compile("^\\[([a-z][a-z0-9_.-]*)]$");
  private static final Pattern SECTION_KEY =
      Pattern.compile("^\\[([a-z][a-z0-9_.-]*)]\\s+([a-z][a-z0-9_-]*)(\\s*=.*)?$");
  private static final Pattern ASSIGNED_KEY = Pattern.compile("^([a-z][a-z0-9_-]*) = \\S.*$");
  private static final Pattern BARE_KEY = Pattern.compile("^[a-z][a-z0-9_]*$");
  private static final Pattern AFTER_SECTION = Pattern.compile("`\\[([a-z][a-z0-9_.-]*)]`[\\s|]*$");
  private static final Pattern KEY_WORD_BEFORE =
      Pattern.compile("(?i)\\b(key|setting)\\s*$", Pattern.UNICODE_CASE);
  private static final Pattern KEY_WORD_AFTER = Pattern.compile("(?i)^\\s*(key|setting)\\b");
  private static final Pattern EXIT_CODE =
      Pattern.compile(
          "(?i)\\bexit(?:s|ed)?\\s+(?:with\\s+)?(?:status|codes?)(?:\\s+is)?\\s+`?(\\d+)`?"
              + "((?:\\s*(?:,|and|or)\\s*`?\\d+`?)*)");

  private final CliNames cli;
  private final ConfigExample configExample;

  CliVocabulary(CliNames cli) {
    this.cli = cli;
    this.configExample = new ConfigExample(cli);
  }

  @Override
  public Verdict judge(CodeSpan span, Sentence sentence) {
    String text = span.text().strip();
    List<String> problems = new ArrayList<>();
    boolean recognised = false;

    List<CommandLines.Parsed> commands = CommandLines.in(text, cli);
    for (CommandLines.Parsed c : commands) {
      problems.addAll(c.problems());
    }
    recognised |= !commands.isEmpty();

    if (LONE_OPTION.matcher(text).matches()) {
      recognised = true;
      String name = text.contains("=") ? text.substring(0, text.indexOf('=')) : text;
      problems.addAll(loneOption(name, span, sentence));
    }

    Matcher variables = VARIABLE.matcher(text);
    while (variables.find()) {
      recognised = true;
      variable(variables.group()).ifPresent(problems::add);
    }

    Matcher files = STATE_FILE.matcher(text);
    while (files.find()) {
      recognised = true;
      stateFile(files.group(1)).ifPresent(problems::add);
    }

    if (commands.isEmpty()) {
      Optional<List<String>> setting = setting(text, span, sentence);
      if (setting.isPresent()) {
        recognised = true;
        problems.addAll(setting.get());
      }
    }
    return recognised ? Verdict.of(problems) : Verdict.NOT_OURS;
  }

  /** An option on its own: of the commands the sentence names, or of any command. */
  private List<String> loneOption(String name, CodeSpan span, Sentence sentence) {
    Set<CommandSpec> named = new LinkedHashSet<>();
    for (CodeSpan other : sentence.spans()) {
      if (other != span) {
        for (CommandLines.Parsed c : CommandLines.in(other.text().strip(), cli)) {
          if (c.command() != cli.root) {
            named.add(c.command());
          }
        }
      }
    }
    if (named.isEmpty()) {
      Set<String> all = cli.allOptions();
      return all.contains(name)
          ? List.of()
          : List.of(
              "no spec-kitty command has the option `"
                  + name
                  + "`"
                  + Closest.didYouMean(name, all));
    }
    Set<String> options = new TreeSet<>();
    named.forEach(c -> options.addAll(CliNames.options(c)));
    if (options.contains(name)) {
      return List.of();
    }
    String commands =
        named.stream().map(c -> "`" + c.qualifiedName() + "`").collect(Collectors.joining(", "));
    List<String> owners =
        cli.commands().stream()
            .filter(c -> CliNames.options(c).contains(name))
            .map(c -> "`" + c.qualifiedName() + "`")
            .toList();
    return List.of(
        "`"
            + name
            + "` is not an option of "
            + commands
            + ", the command this sentence names"
            + (owners.isEmpty() ? "" : " (it is one of " + String.join(", ", owners) + ")")
            + Closest.didYouMean(name, options));
  }

  private Optional<String> variable(String name) {
    if (name.endsWith("*")) {
      String prefix = name.substring(0, name.length() - 1);
      return cli.variables.stream().anyMatch(v -> v.startsWith(prefix))
          ? Optional.empty()
          : Optional.of("no variable the CLI reads matches `" + name + "`");
    }
    return cli.variables.contains(name)
        ? Optional.empty()
        : Optional.of(
            "spec-kitty reads no environment variable `"
                + name
                + "`"
                + Closest.didYouMean(name, cli.variables));
  }

  private Optional<String> stateFile(String name) {
    return name.isEmpty() || cli.stateFiles.contains(name)
        ? Optional.empty()
        : Optional.of(
            "spec-kitty keeps no file `"
                + name
                + "` in ~/.spec-kitty/"
                + Closest.didYouMean(name, cli.stateFiles));
  }

  /** A config section or key, when the span is written as one; empty when it is not. */
  private Optional<List<String>> setting(String text, CodeSpan span, Sentence sentence) {
    Matcher m = SECTION_KEY.matcher(text);
    if (m.matches()) {
      Optional<String> unknownSection = section(m.group(1));
      return Optional.of(
          unknownSection.isPresent()
              ? List.of(unknownSection.get())
              : key(m.group(2), Optional.of(m.group(1))));
    }
    m = SECTION.matcher(text);
    if (m.matches()) {
      return Optional.of(section(m.group(1)).stream().toList());
    }
    m = ASSIGNED_KEY.matcher(text);
    if (m.matches()) {
      return Optional.of(key(m.group(1), sectionNamedIn(sentence)));
    }
    if (BARE_KEY.matcher(text).matches()) {
      Matcher after = AFTER_SECTION.matcher(sentence.before(span));
      if (after.find()) {
        // Under a section that does not exist, that section's own span is the finding.
        return Optional.of(
            cli.settings.containsKey(after.group(1))
                ? key(text, Optional.of(after.group(1)))
                : List.of());
      }
      if (KEY_WORD_BEFORE.matcher(sentence.before(span)).find()
          || KEY_WORD_AFTER.matcher(sentence.after(span)).find()) {
        return Optional.of(key(text, sectionNamedIn(sentence)));
      }
    }
    return Optional.empty();
  }

  private Optional<String> section(String name) {
    return cli.settings.containsKey(name)
        ? Optional.empty()
        : Optional.of(
            "the config file has no section `["
                + name
                + "]`"
                + Closest.to(name, cli.settings.keySet())
                    .map(s -> "; did you mean `[" + s + "]`?")
                    .orElse(""));
  }

  /** A key of {@code section} (when it names one that exists), else of any section. */
  private List<String> key(String key, Optional<String> named) {
    Optional<String> section = named.filter(cli.settings::containsKey);
    Set<String> known =
        section.map(s -> (Set<String>) new TreeSet<>(cli.settings.get(s))).orElseGet(cli::allKeys);
    if (known.contains(key)) {
      return List.of();
    }
    return List.of(
        "the config file has no setting `"
            + key
            + "`"
            + section.map(s -> " in `[" + s + "]`").orElse("")
            + Closest.didYouMean(key, known));
  }

  private Optional<String> sectionNamedIn(Sentence sentence) {
    return sentence.spans().stream()
        .map(s -> SECTION.matcher(s.text().strip()))
        .filter(Matcher::matches)
        .map(m -> m.group(1))
        .findFirst();
  }

  /** Exit codes stated in words, and variables named outside code spans. */
  @Override
  public List<Finding> judgeWords(Sentence sentence) {
    List<Finding> findings = new ArrayList<>();
    Matcher m = EXIT_CODE.matcher(sentence.text());
    while (m.find()) {
      Matcher codes = Pattern.compile("\\d+").matcher(m.group(1) + " " + m.group(2));
      while (codes.find()) {
        int code = Integer.parseInt(codes.group());
        if (!cli.exitCodes.contains(code)) {
          findings.add(
              new Finding(
                  sentence.at(m.start()),
                  "spec-kitty has no exit code "
                      + code
                      + " (its exit codes: "
                      + cli.exitCodes.stream()
                          .map(String::valueOf)
                          .collect(Collectors.joining(", "))
                      + ")"));
        }
      }
    }
    Matcher v = VARIABLE.matcher(sentence.words());
    while (v.find()) {
      int at = v.start();
      variable(v.group()).ifPresent(problem -> findings.add(new Finding(sentence.at(at), problem)));
    }
    return findings;
  }

  @Override
  public List<Finding> judgeFile(FileBlock file) {
    List<Finding> findings = new ArrayList<>();
    Matcher m = STATE_FILE.matcher(file.path());
    if (m.find()) {
      stateFile(m.group(1)).ifPresent(p -> findings.add(new Finding(file.at(), p)));
    }
    if (file.path().endsWith(".spec-kitty/config.toml")) {
      findings.addAll(configExample.check(file));
    }
    return findings;
  }
}
