package dev.speckitty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.cli.Main;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.ExitCode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code docs/reference/cli-commands.md} against the picocli model, both ways: every command and
 * option documented, nothing documented that does not exist, exit codes as defined.
 */
class CliReferenceTest {
  private static final Pattern HEADING = Pattern.compile("^#{2,3} `(spec-kitty[^`]*)`\\s*$");
  private static final Pattern OPTION = Pattern.compile("`(-{1,2}[a-zA-Z][\\w-]*)`");

  record Section(String command, List<String> lines) {}

  private static Map<String, Section> sections;
  private static List<String> reference;
  private static CommandLine model;

  @BeforeAll
  static void read() throws Exception {
    reference = Files.readAllLines(Docs.ROOT.resolve("reference/cli-commands.md"));
    sections = new LinkedHashMap<>();
    Section current = null;
    for (String line : reference) {
      Matcher h = HEADING.matcher(line);
      if (h.matches()) {
        current = new Section(h.group(1), new ArrayList<>());
        sections.put(current.command(), current);
      } else if (line.startsWith("#")) {
        current = null;
      } else if (current != null) {
        current.lines().add(line);
      }
    }
    model = Main.commandLine(CliContext.detached());
  }

  private static Map<String, CommandSpec> commands() {
    Map<String, CommandSpec> all = new LinkedHashMap<>();
    collect(model, all);
    all.remove("spec-kitty");
    return all;
  }

  private static void collect(CommandLine cl, Map<String, CommandSpec> all) {
    all.put(cl.getCommandSpec().qualifiedName(), cl.getCommandSpec());
    cl.getSubcommands().values().forEach(sub -> collect(sub, all));
  }

  private static Set<String> documentedOptions(Section s) {
    Set<String> options = new TreeSet<>();
    for (String line : s.lines()) {
      if (line.startsWith("| `-")) {
        String firstCell = line.split("\\|")[1];
        Matcher m = OPTION.matcher(firstCell);
        while (m.find()) {
          options.add(m.group(1));
        }
      }
    }
    return options;
  }

  private static Set<String> modelOptions(CommandSpec spec) {
    Set<String> options = new TreeSet<>();
    for (OptionSpec o : spec.options()) {
      if (!o.usageHelp() && !o.versionHelp()) {
        options.addAll(Arrays.asList(o.names()));
      }
    }
    return options;
  }

  @Test
  void everyCommandIsDocumentedAndEveryDocumentedCommandExists() {
    assertThat(sections.keySet()).containsExactlyInAnyOrderElementsOf(commands().keySet());
  }

  @Test
  void everyOptionIsDocumentedAndEveryDocumentedOptionExists() {
    for (Map.Entry<String, CommandSpec> c : commands().entrySet()) {
      assertThat(documentedOptions(sections.get(c.getKey())))
          .as("options of %s", c.getKey())
          .isEqualTo(modelOptions(c.getValue()));
    }
  }

  @Test
  void usageLinesNameEveryParameter() {
    for (Map.Entry<String, CommandSpec> c : commands().entrySet()) {
      if (!c.getValue().subcommands().isEmpty()) {
        continue;
      }
      String usage =
          sections.get(c.getKey()).lines().stream()
              .filter(l -> l.startsWith("Usage: `"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no Usage: line for " + c.getKey()));
      assertThat(usage).as("usage of %s", c.getKey()).startsWith("Usage: `" + c.getKey());
      c.getValue().positionalParameters().forEach(p -> assertThat(usage).contains(p.paramLabel()));
    }
  }

  @Test
  void globalOptionsAreTheStandardHelpOptions() {
    String global =
        String.join(
            "\n",
            reference.subList(
                reference.indexOf("## Global options"), reference.indexOf("## Exit codes")));
    for (OptionSpec o : model.getCommandSpec().options()) {
      for (String name : o.names()) {
        assertThat(global).contains("`" + name + "`");
      }
    }
  }

  @Test
  void exitCodesAreTheOnesTheCliDefines() {
    Set<String> documented = new TreeSet<>();
    int start = reference.indexOf("## Exit codes");
    for (String line : reference.subList(start + 1, reference.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      Matcher m = Pattern.compile("^\\| `(\\d+)` \\| (.+) \\|$").matcher(line);
      if (m.matches()) {
        documented.add(m.group(1) + ":" + m.group(2));
      }
    }
    assertThat(documented)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ExitCode.values()).map(c -> c.code() + ":" + c.description()).toList());
  }
}
