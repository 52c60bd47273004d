package dev.doctest.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.doctest.model.DocTestException;
import dev.doctest.model.Location;
import dev.doctest.model.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a docs set is run, from its {@code doctest.toml}: which folders hold executable docs, the
 * reader-facing placeholders and the values a run uses for them, the prompts of interactive steps,
 * the named patterns for truly variable text, and named starting states (fixtures).
 *
 * @param root the docs folder (where {@code doctest.toml} is)
 * @param tool the command-line tool the pages are about ({@code [run] tool}): a hidden command
 *     ({@code run=}) must run it
 * @param toolVariables variables the tool's launcher reads to decide how it runs ({@code [run]
 *     tool_variables}, such as its JVM options): guarded like the runtime's own (see {@link
 *     #checkedVariables})
 * @param runFolders folders whose code blocks must all be classified and run
 * @param timeout the default time a step may take
 * @param placeholders reader-facing text → the template of the value a run uses (with {@code
 *     ${variables}})
 * @param prompts prompt text → the secret to type there instead of the doc's text, if any
 * @param patterns pattern name → regular expression
 * @param fixtures fixture name → its definition
 */
public record DocTestConfig(
    Path root,
    String tool,
    List<String> toolVariables,
    List<String> runFolders,
    Duration timeout,
    Map<String, String> placeholders,
    Map<String, Optional<String>> prompts,
    Map<String, Pattern> patterns,
    Map<String, Fixture> fixtures) {

  /**
   * A named starting state: shell commands run before a document's first step, which the page does
   * not show — so readers are told about it.
   *
   * @param name the fixture's name
   * @param description what the state is, for readers: completes "Verified starting from a state
   *     where …", e.g. {@code the server URL is configured}
   * @param parent a fixture to run first
   * @param commands shell commands (with {@code ${variables}})
   */
  public record Fixture(
      String name, String description, Optional<String> parent, List<String> commands) {}

  /** A placeholder's value: one {@code ${variable}} of the run, nothing else. */
  private static final Pattern ONE_VARIABLE = Pattern.compile("\\$\\{[a-z][a-z.]*}");

  public static DocTestConfig load(Path root) {
    Path file = root.resolve("doctest.toml");
    Location at = Source.of(file, root).at(1);
    JsonNode toml;
    try {
      toml = new TomlMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new DocTestException(at, "cannot read the doc-test config: " + e.getMessage());
    }
    List<String> folders = new ArrayList<>();
    toml.path("run").path("folders").forEach(f -> folders.add(f.asText()));
    String tool = toml.path("run").path("tool").asText("").strip();
    if (tool.isEmpty()) {
      throw new DocTestException(
          at, "[run] tool = \"<command>\" must name the command-line tool the pages are about");
    }
    List<String> toolVariables = new ArrayList<>();
    for (JsonNode v : toml.path("run").path("tool_variables")) {
      String name = v.asText();
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new DocTestException(
            at, "[run] tool_variables: '" + name + "' is not the name of an environment variable");
      }
      toolVariables.add(name);
    }
    Duration timeout = Duration.ofSeconds(toml.path("run").path("timeout_seconds").asLong(30));
    Map<String, String> placeholders = new LinkedHashMap<>();
    toml.path("placeholders")
        .properties()
        .forEach(
            e -> {
              String shown = e.getKey();
              String value = e.getValue().asText();
              if (!ONE_VARIABLE.matcher(value).matches()) {
                throw new DocTestException(
                    at,
                    "placeholder \""
                        + shown
                        + "\" = \""
                        + value
                        + "\": a placeholder stands for one value of the run, written as one"
                        + " ${variable} (such as ${server.url}); literal text would rewrite what"
                        + " the commands run and what the tool printed");
              }
              if (shown.isEmpty() || shown.chars().anyMatch(Character::isWhitespace)) {
                throw new DocTestException(
                    at,
                    "placeholder \""
                        + shown
                        + "\": the text readers see is one word (an address, a path, a name),"
                        + " never words of a command or of the tool's output");
              }
              if (shown.contains(tool) || tool.contains(shown)) {
                throw new DocTestException(
                    at,
                    "placeholder \""
                        + shown
                        + "\" overlaps the tool's name "
                        + tool
                        + ": it would change which program the commands run");
              }
              placeholders.put(shown, value);
            });
    Map<String, Optional<String>> prompts = new LinkedHashMap<>();
    toml.path("prompts")
        .properties()
        .forEach(
            e ->
                prompts.put(
                    e.getKey(),
                    e.getValue().has("secret")
                        ? Optional.of(e.getValue().get("secret").asText())
                        : Optional.empty()));
    Map<String, Pattern> patterns = new LinkedHashMap<>();
    toml.path("patterns")
        .properties()
        .forEach(
            e -> {
              Pattern p;
              try {
                p = Pattern.compile(e.getValue().asText());
              } catch (PatternSyntaxException bad) {
                throw new DocTestException(at, "pattern " + e.getKey() + " is not a valid regex");
              }
              for (String probe : List.of("", " ", "\t", "\n", "a b", "a\nb", "1 2")) {
                if (p.matcher(probe).matches()) {
                  throw new DocTestException(
                      at,
                      "pattern "
                          + e.getKey()
                          + " matches "
                          + (probe.isEmpty() ? "nothing at all" : "whitespace")
                          + ": a varied value is one word (an id, a time), never a gap or a"
                          + " line");
                }
              }
              patterns.put(e.getKey(), p);
            });
    Map<String, Fixture> fixtures = new LinkedHashMap<>();
    toml.path("fixtures")
        .properties()
        .forEach(
            e -> {
              List<String> commands = new ArrayList<>();
              e.getValue().path("commands").forEach(c -> commands.add(c.asText()));
              Optional<String> parent =
                  e.getValue().has("extends")
                      ? Optional.of(e.getValue().get("extends").asText())
                      : Optional.empty();
              String description = e.getValue().path("description").asText("").strip();
              if (description.isEmpty()) {
                throw new DocTestException(
                    at,
                    "fixture "
                        + e.getKey()
                        + " needs a description for readers: description = \"the server URL is"
                        + " configured\"");
              }
              fixtures.put(e.getKey(), new Fixture(e.getKey(), description, parent, commands));
            });
    for (Fixture f : fixtures.values()) {
      if (f.parent().isPresent() && !fixtures.containsKey(f.parent().get())) {
        throw new DocTestException(
            at, "fixture " + f.name() + " extends unknown fixture " + f.parent().get());
      }
    }
    return new DocTestConfig(
        root,
        tool,
        List.copyOf(toolVariables),
        folders,
        timeout,
        placeholders,
        prompts,
        patterns,
        fixtures);
  }

  /**
   * The variables no hidden command may set and every step checks are unchanged: the runtime's
   * ({@link dev.doctest.model.RuntimeVariables#CHECKED}) and the tool's own.
   */
  public List<String> checkedVariables() {
    return java.util.stream.Stream.concat(
            dev.doctest.model.RuntimeVariables.CHECKED.stream(), toolVariables.stream())
        .toList();
  }

  /** {@code file} as this docs set prints it: {@code docs/how-to/log-out.md}. */
  public Source source(Path file) {
    return Source.of(file, root);
  }

  /** Whether code blocks in {@code doc} must be run (it is in one of the run folders). */
  public boolean isExecutable(Path doc) {
    Path rel = root.toAbsolutePath().normalize().relativize(doc.toAbsolutePath().normalize());
    return !rel.startsWith("..")
        && rel.getNameCount() > 1
        && runFolders.contains(rel.getName(0).toString());
  }
}
