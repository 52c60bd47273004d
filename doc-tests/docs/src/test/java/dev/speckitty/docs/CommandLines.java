package dev.speckitty.docs;

import dev.doctest.prose.Closest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code spec-kitty} command lines in a code span, read against the picocli model the way
 * picocli reads them: subcommands, then options (taking their value when they have one) and
 * positional parameters. Usage notation is understood ({@code [--feature=<feature>]}, {@code
 * <WP>...}); a placeholder where a command goes ({@code spec-kitty <command>}) ends the check.
 */
final class CommandLines {
  private static final Pattern OPTION = Pattern.compile("^--?[A-Za-z][\\w-]*(=.*)?$");
  private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=.*");
  private static final Pattern REDIRECT = Pattern.compile("^\\d*[<>].*");
  private static final Pattern VERSION = Pattern.compile("^\\d+\\.(\\d+|x)(\\.\\d+)?\\S*$");

  /**
   * A command line as far as it names real things.
   *
   * @param command the (sub)command it reaches
   * @param problems what it names that does not exist
   */
  record Parsed(CommandSpec command, List<String> problems) {}

  private CommandLines() {}

  /**
   * The command lines in {@code span}: each shell command in it ({@code |}, {@code &&}, {@code ;}
   * separate them) that runs {@code spec-kitty}, after a {@code $} prompt and what {@link
   * #commandStart} skips; or, when the span is one command only and nothing comes before it, a
   * top-level command named on its own ({@code sync now}, {@code auth status --json}). Empty when
   * the span holds none.
   */
  static List<Parsed> in(String span, CliNames cli) {
    List<List<String>> commands = ShellWords.commands(span);
    List<Parsed> parsed = new ArrayList<>();
    for (int c = 0; c < commands.size(); c++) {
      List<String> words = new ArrayList<>(commands.get(c));
      if (c == 0 && !words.isEmpty() && words.get(0).equals("$")) {
        words.remove(0); // a shell prompt
      }
      int first = commandStart(words);
      if (first < words.size() && words.get(first).equals("spec-kitty")) {
        parsed.add(parse(words.subList(first + 1, words.size()), cli));
      } else if (commands.size() == 1
          && first == 0
          && words.size() == commands.get(0).size()
          && !words.isEmpty()
          && cli.root.subcommands().containsKey(words.get(0))) {
        parsed.add(parse(words, cli));
      }
    }
    return parsed;
  }

  /**
   * Where the command a shell runs starts among {@code words}: after any {@code VAR=value}, the
   * opening of a subshell or group ({@code (}, <code>{</code>), and wrapper commands that run the
   * rest ({@code sudo}, {@code env}, {@code time}, {@code xargs} …) with their own options. A page
   * writes {@code sudo spec-kitty …} as often as {@code spec-kitty …}, and it must not hide a name
   * that does not exist. Removes a group's opening from the word it sticks to.
   */
  private static int commandStart(List<String> words) {
    int i = 0;
    while (i < words.size()) {
      String word = words.get(i);
      String opened = word.replaceAll("^[({]+", "");
      if (opened.isEmpty()) {
        i++;
        continue;
      }
      if (!opened.equals(word)) {
        words.set(i, opened);
        continue;
      }
      if (ASSIGNMENT.matcher(word).matches()) {
        i++;
        continue;
      }
      Wrapper wrapper = WRAPPERS.get(word);
      if (wrapper == null) {
        return i;
      }
      i++;
      while (i < words.size() && words.get(i).startsWith("-")) {
        String option = words.get(i);
        i +=
            option.equals("--") || option.contains("=") || !wrapper.valued().contains(option)
                ? 1
                : 2;
        if (option.equals("--")) {
          break;
        }
      }
      i += Math.min(wrapper.operands(), Math.max(0, words.size() - i));
    }
    return i;
  }

  /**
   * A command that runs the command after it.
   *
   * @param valued its options that take a value (the next word)
   * @param operands how many words of its own come before the command ({@code timeout 30})
   */
  private record Wrapper(Set<String> valued, int operands) {}

  private static final Map<String, Wrapper> WRAPPERS =
      Map.of(
          "sudo", new Wrapper(Set.of("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U"), 0),
          "env", new Wrapper(Set.of("-u", "-C", "-S"), 0),
          "time", new Wrapper(Set.of("-f", "-o"), 0),
          "nohup", new Wrapper(Set.of(), 0),
          "xargs", new Wrapper(Set.of("-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s"), 0),
          "exec", new Wrapper(Set.of("-a"), 0),
          "command", new Wrapper(Set.of(), 0),
          "nice", new Wrapper(Set.of("-n"), 0),
          "timeout", new Wrapper(Set.of("-s", "-k"), 1));

  private static Parsed parse(List<String> words, CliNames cli) {
    CommandSpec spec = cli.root;
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = clean(words.get(i));
      if (w.isEmpty()) {
        continue;
      }
      if (REDIRECT.matcher(w).matches()) {
        break;
      }
      if (OPTION.matcher(w).matches()) {
        String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
        OptionSpec o = spec.findOption(name);
        if (o == null && clustered(spec, name)) {
          o = spec.findOption("-" + name.charAt(name.length() - 1)); // the last one takes a value
        }
        if (o == null) {
          problems.add(
              "`"
                  + spec.qualifiedName()
                  + "` has no option `"
                  + name
                  + "`"
                  + Closest.didYouMean(name, CliNames.options(spec)));
        } else if (!w.contains("=")
            && o.arity().max() > 0
            && i + 1 < words.size()
            && !OPTION.matcher(clean(words.get(i + 1))).matches()) {
          i++; // the option's value
        }
        continue;
      }
      boolean placeholder = w.startsWith("<") || w.startsWith("\"") || w.startsWith("'");
      if (!spec.subcommands().isEmpty()) {
        CommandLine sub = spec.subcommands().get(w);
        if (placeholder) {
          break;
        } else if (sub != null) {
          spec = sub.getCommandSpec();
        } else if (spec == cli.root && VERSION.matcher(w).matches()) {
          if (!w.equals(cli.version) && !w.equals(cli.version.split("\\.")[0] + ".x")) {
            problems.add(
                "the CLI's version is `spec-kitty "
                    + cli.version
                    + "`, not `spec-kitty "
                    + w
                    + "`");
          }
          break;
        } else {
          String qualified = spec.qualifiedName();
          problems.add(
              "no command `"
                  + qualified
                  + " "
                  + w
                  + "`"
                  + Closest.to(w, spec.subcommands().keySet())
                      .map(k -> "; did you mean `" + qualified + " " + k + "`?")
                      .orElse(""));
          break;
        }
      } else if (spec.positionalParameters().isEmpty()) {
        problems.add("`" + spec.qualifiedName() + "` takes no arguments, but is given `" + w + "`");
        break;
      }
    }
    return new Parsed(spec, problems);
  }

  /** {@code -fu}: single-letter options written together, as picocli accepts them. */
  private static boolean clustered(CommandSpec spec, String name) {
    if (!name.matches("-[A-Za-z]{2,}")) {
      return false;
    }
    return name.substring(1).chars().allMatch(c -> spec.findOption("-" + (char) c) != null);
  }

  /** A word without usage notation: {@code [-f]} is {@code -f}, {@code <WP>...} is {@code <WP>}. */
  private static String clean(String word) {
    return word.replaceAll("^[\\[({]+", "").replaceAll("(\\.\\.\\.|…|[\\])},])+$", "");
  }
}
