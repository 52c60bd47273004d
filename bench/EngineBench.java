// The doc-test engine against the same pages run as plain bash and as cram tests.
// Each page is run by bash and cram as a reader would run it: from scratch, with the pages it
// continues and its fixture first (the only way its commands can succeed). The engine runs the
// whole docs set once, each step once (a page that continues another starts from its end state),
// two pages at a time and one at a time.
// Run: bench/engine-bench.sh [rounds]
import dev.doctest.DocTests;
import dev.doctest.config.DocTestConfig;
import dev.doctest.model.DocumentSpec;
import dev.doctest.parse.DocumentParser;
import dev.doctest.run.Confinement;
import dev.doctest.run.DocumentResult;
import dev.doctest.run.PlainScript;
import dev.doctest.run.RunSettings;
import dev.doctest.world.Network;
import dev.doctest.world.WorldInstance;
import dev.speckitty.docs.TeamServerWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public class EngineBench {
  public static void main(String[] args) throws Exception {
    Path docs = Path.of(args[0]).toAbsolutePath().normalize();
    Path launcherDir = Path.of(args[1]).toAbsolutePath();
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    DocTestConfig config = DocTestConfig.load(docs);
    TeamServerWorld world = new TeamServerWorld();
    Map<String, String> outer = Map.of("JAVA_HOME", System.getProperty("java.home"));
    RunSettings settings = new RunSettings(launcherDir, outer);
    Path reports = Files.createTempDirectory("bench-reports-");
    Confinement confinement = Confinement.detect();
    boolean haveCram = new ProcessBuilder("sh", "-c", "command -v cram3").start().waitFor() == 0;
    System.out.println(confinement.describe());
    System.out.println();
    System.out.println("| page | its steps | plain bash (s) | cram (s) |");
    System.out.println("|---|---:|---:|---:|");
    double bashTotal = 0;
    double cramTotal = 0;
    List<Path> pages;
    try (DocTests probe = engine(config, settings, world, confinement, reports, 1)) {
      pages = probe.documents();
      DocumentParser parser = probe.parser();
      for (Path page : pages) {
        DocumentSpec spec = parser.parse(page);
        double bash = Double.MAX_VALUE;
        double cram = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
          bash = Math.min(bash, reader(spec, config, parser, world, launcherDir, false));
          if (haveCram) {
            cram = Math.min(cram, reader(spec, config, parser, world, launcherDir, true));
          }
        }
        bashTotal += bash;
        cramTotal += cram;
        long steps = spec.steps().stream().filter(s -> s.runs()).count();
        System.out.printf("| %s | %d | %.2f | %s |%n", spec.location().shown(), steps, bash,
            haveCram ? String.format("%.2f", cram) : "n/a");
      }
    }
    System.out.printf("| **all pages, one after another** | | %.2f | %s |%n", bashTotal,
        haveCram ? String.format("%.2f", cramTotal) : "n/a");
    System.out.println();
    System.out.println("| engine, whole docs set | steps run | wall (s) | vs plain bash | vs cram |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (int parallelism : List.of(2, 1)) {
      double best = Double.MAX_VALUE;
      long steps = 0;
      for (int r = 0; r < rounds; r++) {
        try (DocTests engine = engine(config, settings, world, confinement, reports, parallelism)) {
          long t0 = System.nanoTime();
          List<DocumentResult> results = engine.start(engine.plan(pages), x -> {}).values().stream()
              .map(f -> f.join()).toList();
          best = Math.min(best, (System.nanoTime() - t0) / 1e9);
          steps = results.stream().mapToLong(DocumentResult::stepsRun).sum();
          results.stream().filter(x -> !x.passed())
              .forEach(x -> System.err.println("warning: " + x.spec().location() + " did not pass"));
        }
      }
      System.out.printf("| %d page%s at a time | %d | %.2f | %.2fx | %s |%n", parallelism,
          parallelism == 1 ? "" : "s", steps, best, best / bashTotal,
          haveCram ? String.format("%.2fx", best / cramTotal) : "n/a");
    }
  }

  static DocTests engine(DocTestConfig config, RunSettings settings, TeamServerWorld world,
      Confinement confinement, Path reports, int parallelism) {
    return new DocTests(config, settings, world, confinement,
        new DocTests.Options(reports, "bench", false, parallelism));
  }

  /**
   * The page's commands (the pages it continues and its fixture first) as one bash script, or as
   * a cram test; answers to prompts piped in; the seconds it took, the mock server's start included.
   */
  static double reader(DocumentSpec spec, DocTestConfig config, DocumentParser parser,
      TeamServerWorld world, Path launcherDir, boolean cram) throws Exception {
    Path home = Files.createTempDirectory("bench-home-");
    long t0 = System.nanoTime();
    try (WorldInstance server = world.start(Network.loopback(), Optional.empty())) {
      Map<String, String> vars = new LinkedHashMap<>(server.variables());
      vars.put("home", home.toString());
      String script = new PlainScript(config, parser, vars, true).of(spec);
      Path file = home.resolve(cram ? "all.t" : "all.sh");
      Files.writeString(file, cram ? cramTest(script, home) : script);
      ProcessBuilder pb = (cram
              ? new ProcessBuilder("cram3", "--shell=/bin/bash", "-q", file.toString())
              : new ProcessBuilder("bash", "--noprofile", "--norc", file.toString()))
          .directory(home.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
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
