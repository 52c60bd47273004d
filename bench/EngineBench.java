// Doc-test engine overhead: each executable doc run by the engine vs the same commands run as one
// plain bash script (same CLI, same mock server, answers piped instead of typed).
// Run: bench/engine-bench.sh
import dev.speckitty.doctest.config.DocTestConfig;
import dev.speckitty.doctest.model.DocumentSpec;
import dev.speckitty.doctest.model.Location;
import dev.speckitty.doctest.model.Step;
import dev.speckitty.doctest.parse.DocumentParser;
import dev.speckitty.doctest.run.DocumentResult;
import dev.speckitty.doctest.run.PlainScript;
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
    boolean haveCram = new ProcessBuilder("sh", "-c", "command -v cram3").start().waitFor() == 0;
    System.out.println("| document | steps run | plain bash (s) | cram (s) | engine (s) | engine vs bash | per-step overhead (ms) |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    double bashTotal = 0;
    double cramTotal = 0;
    double engineTotal = 0;
    int stepsTotal = 0;
    for (Path doc : documents) {
      DocumentSpec spec = parser.parse(doc);
      double bash = Double.MAX_VALUE;
      double cram = Double.MAX_VALUE;
      double engine = Double.MAX_VALUE;
      int steps = 0;
      for (int r = 0; r < rounds; r++) {
        bash = Math.min(bash, plainBash(spec, config, parser, launcherDir, false));
        if (haveCram) {
          cram = Math.min(cram, plainBash(spec, config, parser, launcherDir, true));
        }
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
      cramTotal += cram;
      engineTotal += engine;
      stepsTotal += steps;
      System.out.printf("| %s | %d | %.2f | %s | %.2f | %.2fx | %.0f |%n",
          new Location(doc, 1).path(), steps, bash, haveCram ? String.format("%.2f", cram) : "n/a", engine,
          engine / bash, 1000 * (engine - bash) / steps);
    }
    System.out.printf("| **all, one after another** | %d | %.2f | %s | %.2f | %.2fx | %.0f |%n",
        stepsTotal, bashTotal, haveCram ? String.format("%.2f", cramTotal) : "n/a", engineTotal,
        engineTotal / bashTotal, 1000 * (engineTotal - bashTotal) / stepsTotal);
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    long t0 = System.nanoTime();
    var futures = new ArrayList<java.util.concurrent.Future<DocumentResult>>();
    for (Path doc : documents) {
      DocumentSpec spec = parser.parse(doc);
      futures.add(pool.submit(() -> runner.run(spec)));
    }
    for (var f : futures) {
      f.get();
    }
    pool.shutdown();
    double parallel = (System.nanoTime() - t0) / 1e9;
    System.out.printf("| **all, engine with %d documents at a time** | %d | %.2f | %s | %.2f | %.2fx | |%n",
        threads, stepsTotal, bashTotal, haveCram ? String.format("%.2f", cramTotal) : "n/a", parallel, parallel / bashTotal);
  }

  static int chainSteps(DocumentSpec spec, DocumentParser parser) {
    if (spec.continues().isEmpty()) {
      return 0;
    }
    DocumentSpec before = parser.parse(spec.continues().get());
    return (int) before.steps().stream().filter(Step::runs).count() + chainSteps(before, parser);
  }

  /**
   * The document's commands (its starting state first) as one bash script, or as a cram test
   * ({@code cram=true}); returns the seconds it took.
   */
  static double plainBash(DocumentSpec spec, DocTestConfig config, DocumentParser parser, Path launcherDir, boolean cram) throws Exception {
    Path home = Files.createTempDirectory("bench-home-");
    long t0 = System.nanoTime(); // like the engine's run: the mock server's start counts
    try (MockTeamServer server = MockTeamServer.start()) {
      Fixtures.User user = Fixtures.demoUser();
      Map<String, String> vars = new LinkedHashMap<>();
      vars.put("server.url", server.baseUrl());
      vars.put("sandbox.home", home.toString());
      vars.put("user.name", user.username());
      vars.put("user.password", user.password());
      String script = new PlainScript(config, vars, true).of(spec);
      Path file = home.resolve(cram ? "all.t" : "all.sh");
      Files.writeString(file, cram ? cramTest(script, home) : script);
      ProcessBuilder pb = (cram
              ? new ProcessBuilder("cram3", "--shell=/bin/bash", "-q", file.toString())
              : new ProcessBuilder("bash", "--noprofile", "--norc", file.toString()))
          .directory(home.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.environment().clear();
      pb.environment().put("HOME", home.toString());
      pb.environment().put("PATH", launcherDir + ":/usr/local/bin:/usr/bin:/bin");
      pb.environment().put("LANG", "C.UTF-8");
      pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
      pb.start().waitFor();
      return (System.nanoTime() - t0) / 1e9;
    } finally {
      try (var files = Files.walk(home)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** A cram test running the same script: every command prefixed, continuation lines marked. */
  static String cramTest(String script, Path home) {
    StringBuilder t = new StringBuilder("Generated by EngineBench.\n\n  $ export HOME=" + home + " && cd ~\n");
    boolean heredoc = false;
    for (String line : script.split("\n")) {
      if (heredoc) {
        t.append("  > ").append(line).append('\n');
        heredoc = !line.equals("PLAIN_EOF");
      } else {
        t.append("  $ ").append(line).append('\n');
        heredoc = line.contains("<<'PLAIN_EOF'");
      }
    }
    return t.toString();
  }

}
