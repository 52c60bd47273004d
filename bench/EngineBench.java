// Doc-test engine overhead: each executable doc run by the engine vs the same commands run as one
// plain bash script (same CLI, same mock server, answers piped instead of typed).
// Run: bench/engine-bench.sh
import dev.speckitty.doctest.config.DocTestConfig;
import dev.speckitty.doctest.config.Placeholders;
import dev.speckitty.doctest.config.Variables;
import dev.speckitty.doctest.model.DocumentSpec;
import dev.speckitty.doctest.model.Location;
import dev.speckitty.doctest.model.Step;
import dev.speckitty.doctest.parse.DocumentParser;
import dev.speckitty.doctest.run.DocumentResult;
import dev.speckitty.doctest.run.RunSettings;
import dev.speckitty.doctest.run.StepResult;
import dev.speckitty.doctest.run.TutorialRunner;
import dev.speckitty.mockserver.Fixtures;
import dev.speckitty.mockserver.MockTeamServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public class EngineBench {
  public static void main(String[] args) throws Exception {
    Path docs = Path.of(args[0]).toAbsolutePath().normalize();
    Path launcherDir = Path.of(args[1]).toAbsolutePath();
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Location.relativeTo(docs.getParent());
    DocTestConfig config = DocTestConfig.load(docs);
    DocumentParser parser = new DocumentParser(config);
    Map<String, String> outer = Map.of("JAVA_HOME", System.getProperty("java.home"));
    TutorialRunner runner = new TutorialRunner(config, new RunSettings(launcherDir, outer, Optional.empty()));
    List<Path> documents = new ArrayList<>();
    for (String folder : config.runFolders()) {
      try (var files = Files.walk(docs.resolve(folder))) {
        files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(documents::add);
      }
    }
    System.out.println("| document | steps run | plain bash (s) | engine (s) | overhead | per-step overhead (ms) |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    double bashTotal = 0;
    double engineTotal = 0;
    int stepsTotal = 0;
    for (Path doc : documents) {
      DocumentSpec spec = parser.parse(doc);
      double bash = Double.MAX_VALUE;
      double engine = Double.MAX_VALUE;
      int steps = 0;
      for (int r = 0; r < rounds; r++) {
        bash = Math.min(bash, plainBash(spec, config, parser, launcherDir));
        long t0 = System.nanoTime();
        DocumentResult result = runner.run(spec);
        engine = Math.min(engine, (System.nanoTime() - t0) / 1e9);
        if (!result.passed()) {
          System.err.println("warning: " + doc + " did not pass in the engine");
        }
        steps = (int) result.steps().stream().filter(s -> s.status() == StepResult.Status.PASSED).count()
            + chainSteps(spec, parser);
      }
      bashTotal += bash;
      engineTotal += engine;
      stepsTotal += steps;
      System.out.printf("| %s | %d | %.2f | %.2f | %+.0f%% | %.0f |%n",
          new Location(doc, 1).path(), steps, bash, engine, 100 * (engine - bash) / bash, 1000 * (engine - bash) / steps);
    }
    System.out.printf("| **all** | %d | %.2f | %.2f | %+.0f%% | %.0f |%n",
        stepsTotal, bashTotal, engineTotal, 100 * (engineTotal - bashTotal) / bashTotal, 1000 * (engineTotal - bashTotal) / stepsTotal);
  }

  static int chainSteps(DocumentSpec spec, DocumentParser parser) {
    if (spec.continues().isEmpty()) {
      return 0;
    }
    DocumentSpec before = parser.parse(spec.continues().get());
    return (int) before.steps().stream().filter(Step::runs).count() + chainSteps(before, parser);
  }

  /** The document's commands (its starting state first) as one bash script; returns seconds. */
  static double plainBash(DocumentSpec spec, DocTestConfig config, DocumentParser parser, Path launcherDir) throws Exception {
    Path home = Files.createTempDirectory("bench-home-");
    try (MockTeamServer server = MockTeamServer.start()) {
      Fixtures.User user = Fixtures.demoUser();
      Map<String, String> vars = new LinkedHashMap<>();
      vars.put("server.url", server.baseUrl());
      vars.put("sandbox.home", home.toString());
      vars.put("user.name", user.username());
      vars.put("user.password", user.password());
      Variables variables = new Variables(vars);
      Placeholders placeholders = new Placeholders(config.placeholders(), variables);
      StringBuilder script = new StringBuilder("cd ~\n");
      append(spec, config, parser, variables, placeholders, script);
      Path file = home.resolve("all.sh");
      Files.writeString(file, script);
      ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", file.toString())
          .directory(home.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.environment().clear();
      pb.environment().put("HOME", home.toString());
      pb.environment().put("PATH", launcherDir + ":/usr/local/bin:/usr/bin:/bin");
      pb.environment().put("LANG", "C.UTF-8");
      pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
      long t0 = System.nanoTime();
      pb.start().waitFor();
      return (System.nanoTime() - t0) / 1e9;
    } finally {
      try (var files = Files.walk(home)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  static void append(DocumentSpec spec, DocTestConfig config, DocumentParser parser, Variables variables,
      Placeholders placeholders, StringBuilder script) {
    if (spec.fixture().isPresent()) {
      fixture(spec.fixture().get(), config, variables, script);
    }
    if (spec.continues().isPresent()) {
      append(parser.parse(spec.continues().get()), config, parser, variables, placeholders, script);
    }
    for (Step step : spec.steps()) {
      if (step instanceof Step.Command c) {
        script.append(placeholders.toSandbox(c.script())).append('\n');
      } else if (step instanceof Step.Interactive i) {
        StringBuilder answers = new StringBuilder();
        for (String line : i.transcript().text().lines().toList()) {
          for (var p : config.prompts().entrySet()) {
            if (line.startsWith(p.getKey())) {
              answers.append(p.getValue().isPresent()
                  ? variables.resolve(p.getValue().get())
                  : placeholders.toSandbox(line.substring(p.getKey().length()))).append("\\n");
            }
          }
        }
        script.append("printf '").append(answers).append("' | ").append(placeholders.toSandbox(i.script())).append('\n');
      } else if (step instanceof Step.WriteFile w) {
        script.append("mkdir -p \"$(dirname ").append(w.path()).append(")\" && cat > ").append(w.path())
            .append(" <<'BENCH_EOF'\n").append(placeholders.toSandbox(w.content())).append("\nBENCH_EOF\n");
      }
    }
  }

  static void fixture(String name, DocTestConfig config, Variables variables, StringBuilder script) {
    DocTestConfig.Fixture f = config.fixtures().get(name);
    f.parent().ifPresent(p -> fixture(p, config, variables, script));
    f.commands().forEach(c -> script.append(variables.resolve(c)).append('\n'));
  }
}
