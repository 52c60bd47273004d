package dev.doctest.run;

import dev.doctest.config.DocTestConfig;
import dev.doctest.config.Placeholders;
import dev.doctest.config.Variables;
import dev.doctest.model.DocumentSpec;
import dev.doctest.model.Step;
import dev.doctest.parse.DocumentParser;
import java.util.Map;

/**
 * A document's steps — the pages it continues and its fixture first — as one plain bash script,
 * answers to prompts piped in: what a reader would type, without the engine. The benchmark's
 * baseline, and what the fresh-machine test runs inside a container.
 */
public final class PlainScript {
  private final DocTestConfig config;
  private final DocumentParser parser;
  private final Variables variables;
  private final Placeholders placeholders;
  private final boolean scenarioSteps;

  /**
   * @param values the values the placeholders stand for ({@code server.url}, …)
   * @param scenarioSteps whether to keep steps written for a server scenario (run against a normal
   *     server, their failures ignored) — a benchmark keeps their cost; a real run drops them, as
   *     their outcome depends on the scenario
   */
  public PlainScript(
      DocTestConfig config,
      DocumentParser parser,
      Map<String, String> values,
      boolean scenarioSteps) {
    this.scenarioSteps = scenarioSteps;
    this.config = config;
    this.parser = parser;
    this.variables = new Variables(values);
    this.placeholders = new Placeholders(config.placeholders(), variables);
  }

  public String of(DocumentSpec spec) {
    StringBuilder script = new StringBuilder("cd ~\n");
    append(spec, script);
    return script.toString();
  }

  private void append(DocumentSpec spec, StringBuilder script) {
    spec.continues().ifPresent(c -> append(parser.parse(c), script));
    spec.fixture().ifPresent(f -> fixture(f, script));
    for (Step step : spec.steps()) {
      if (step instanceof Step.Command c && c.options().scenario().isEmpty()) {
        script.append(placeholders.toActual(c.script())).append('\n');
      } else if (step instanceof Step.Command c && scenarioSteps) {
        script.append("{ ").append(placeholders.toActual(c.script())).append("\n} || true\n");
      } else if (step instanceof Step.Interactive i) {
        StringBuilder answers = new StringBuilder();
        for (String line : i.transcript().text().lines().toList()) {
          for (Map.Entry<String, java.util.Optional<String>> p : config.prompts().entrySet()) {
            if (line.startsWith(p.getKey())) {
              answers
                  .append(
                      p.getValue().isPresent()
                          ? variables.resolve(p.getValue().get())
                          : placeholders.toActual(line.substring(p.getKey().length())))
                  .append("\\n");
            }
          }
        }
        script
            .append("printf '")
            .append(answers)
            .append("' | ")
            .append(placeholders.toActual(i.script()))
            .append('\n');
      } else if (step instanceof Step.WriteFile w) {
        script
            .append("mkdir -p \"$(dirname ")
            .append(w.path())
            .append(")\" && cat > ")
            .append(w.path())
            .append(" <<'PLAIN_EOF'\n")
            .append(placeholders.toActual(w.content()))
            .append("\nPLAIN_EOF\n");
      }
    }
  }

  private void fixture(String name, StringBuilder script) {
    DocTestConfig.Fixture f = config.fixtures().get(name);
    f.parent().ifPresent(p -> fixture(p, script));
    f.commands().forEach(c -> script.append(variables.resolve(c)).append('\n'));
  }
}
