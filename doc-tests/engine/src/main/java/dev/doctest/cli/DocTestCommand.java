package dev.doctest.cli;

import dev.doctest.DocTests;
import dev.doctest.config.DocTestConfig;
import dev.doctest.model.DocTestException;
import dev.doctest.model.DocumentSpec;
import dev.doctest.model.Step;
import dev.doctest.parse.AsciiDoc;
import dev.doctest.report.HowVerified;
import dev.doctest.run.Checkpoints;
import dev.doctest.run.Confinement;
import dev.doctest.run.DocumentResult;
import dev.doctest.run.DocumentRunner;
import dev.doctest.run.Plan;
import dev.doctest.run.RunSettings;
import dev.doctest.world.World;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code doctest}: checks pages against the tool and the world a product plugs in. */
@Command(
    name = "doctest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Check pages of executable docs: every command block run, every output compared.",
    description = {
      "Runs the pages given (all executable pages when none), with the pages they continue, and"
          + " prints one line per step. A drift in output does not stop a page: every drift shows"
          + " in one run. A step whose exit code or prompt differs stops its page.",
      "The state before each step and at each page's end is kept for half an hour (when steps"
          + " run confined), so a rerun starts a page from the end of the pages it continues, and"
          + " --from starts it at a step."
    },
    exitCodeListHeading = "%nExit codes%n",
    exitCodeList = {
      "0:Every page asked for passed.",
      "1:A step failed or drifted.",
      "2:Bad usage, or a page or the config does not parse.",
      "70:An internal error (its details are written to the log file)."
    })
final class DocTestCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PAGE", description = "Pages to check (default: every executable page).")
  List<Path> pages = new ArrayList<>();

  @Option(
      names = "--docs",
      paramLabel = "DIR",
      description = "The docs folder, with doctest.toml (default ${DEFAULT-VALUE}).")
  Path docs = Path.of("docs");

  @Option(
      names = "--tool",
      paramLabel = "DIR",
      required = true,
      description = "The folder of the tool's launcher, first on the PATH of every step.")
  Path tool;

  @Option(
      names = "--tool-version",
      paramLabel = "VERSION",
      description = "The tool's version, for the reports.")
  String toolVersion = "unknown";

  @Option(
      names = "--update",
      description =
          "Write what the tool printed over drifted output blocks (never for a failed exit code or prompt).")
  boolean update;

  @Option(
      names = "--from",
      paramLabel = "LINE",
      description = "Start the page at the step on LINE, from the kept state before it (one page).")
  Integer from;

  @Option(
      names = "--watch",
      description = "Run again whenever a page or doctest.toml changes (Ctrl-C stops).")
  boolean watch;

  @Option(names = "--list", description = "List each step and how it will run, without running it.")
  boolean list;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "Pages at a time (default ${DEFAULT-VALUE}).")
  int jobs = 2;

  @Option(
      names = "--reports",
      paramLabel = "DIR",
      description = "Where the JSON reports go (default ${DEFAULT-VALUE}).")
  Path reports = Path.of("target/doctest-reports");

  @Option(
      names = "--keep",
      paramLabel = "DIR",
      description = "Where page states are kept between runs (default ${DEFAULT-VALUE}).")
  Path keep = Path.of("target/doctest-states");

  @Option(
      names = "--readings",
      paramLabel = "DIR",
      description =
          "Where readings of AsciiDoc pages are kept between runs, used again while a page is"
              + " unchanged (default ${DEFAULT-VALUE}).")
  Path readings = Path.of("target/doctest-readings");

  @Option(
      names = "--log",
      paramLabel = "FILE",
      description = "Where details of an internal error go (default ${DEFAULT-VALUE}).")
  Path log = Path.of("target/doctest.log");

  private final PrintWriter out;

  DocTestCommand(PrintWriter out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    if (from != null && pages.size() != 1) {
      out.println("❌ --from needs exactly one page: the page whose step is on that line.");
      return 2;
    }
    Confinement confinement = Confinement.detect();
    out.println(confinement.describe());
    World world = ServiceLoader.load(World.class).findFirst().orElse(World.NONE);
    try (AsciiDoc asciidoc = new AsciiDoc(readings)) {
      int code = once(confinement, world, asciidoc);
      while (watch) {
        waitForChange();
        out.println();
        out.println(
            "— " + Instant.now().toString().substring(11, 19) + " change seen, running again —");
        code = once(confinement, world, asciidoc);
      }
      return code;
    } catch (RuntimeException | Error e) {
      return internal(e);
    }
  }

  private int once(Confinement confinement, World world, AsciiDoc asciidoc) {
    DocTestConfig config;
    try {
      config = DocTestConfig.load(docs);
    } catch (DocTestException e) {
      out.println("❌ " + e.getMessage());
      return 2;
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
    DocTests engine =
        new DocTests(
            config,
            new RunSettings(tool, env),
            world,
            confinement,
            new DocTests.Options(reports, toolVersion, update, jobs),
            asciidoc);
    if (!list) {
      engine.startAhead();
    }
    try {
      return run(engine, confinement, world);
    } finally {
      engine.close();
    }
  }

  private int run(DocTests engine, Confinement confinement, World world) {
    List<Path> asked = pages.isEmpty() ? engine.documents() : absolute(pages);
    Path docsFolder = docs.toAbsolutePath().normalize();
    for (Path page : asked) {
      if (!page.startsWith(docsFolder) || !Files.isRegularFile(page)) {
        out.println(
            "❌ "
                + page
                + (Files.isRegularFile(page)
                    ? " is not in the docs folder " + docsFolder
                    : " does not exist")
                + ": give pages of "
                + docsFolder
                + ".");
        return 2;
      }
    }
    Plan plan = engine.plan(asked);
    boolean parses = true;
    for (Path page : plan.pages()) {
      if (plan.problem(page).isPresent()) {
        out.println("❌ " + plan.problem(page).get().getMessage());
        parses = false;
      }
    }
    if (list) {
      list(engine, plan, world);
      return parses ? 0 : 2;
    }
    Checkpoints checkpoints = Checkpoints.NONE;
    int firstStep = 0;
    if (confinement.confined()) {
      StateCache cache = new StateCache(keep, engine, out::println);
      checkpoints = cache;
      if (from != null) {
        firstStep = firstStep(plan, cache);
      }
    } else if (from != null) {
      out.println(
          "  --from needs steps to run confined (kept states name their folder): running the page from its start.");
    }
    Console console = new Console(out);
    Map<Path, DocumentResult> results = new LinkedHashMap<>();
    engine
        .start(
            plan,
            r -> console.page(r, plan.selected().contains(r.spec().file())),
            checkpoints,
            firstStep)
        .forEach((page, future) -> results.put(page, future.join()));
    List<DocumentResult> mine =
        results.values().stream().filter(r -> plan.selected().contains(r.spec().file())).toList();
    console.summary(
        mine,
        parses,
        confinement.confined() ? "(confined)" : "(unconfined)",
        reports.toString()
            + (mine.stream().anyMatch(DocumentResult::partial)
                ? " (none for a page that started at a later step)"
                : ""));
    if (!parses) {
      return 2;
    }
    return mine.stream().allMatch(DocumentResult::passed) ? 0 : 1;
  }

  private static List<Path> absolute(List<Path> pages) {
    return pages.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  /** The index of the step on line {@link #from}, if its state is kept; else 0, saying why. */
  private int firstStep(Plan plan, StateCache cache) {
    Path page = plan.selected().get(0);
    DocumentSpec spec = plan.spec(page).orElse(null);
    if (spec == null) {
      return 0;
    }
    for (int i = 0; i < spec.steps().size(); i++) {
      Step step = spec.steps().get(i);
      if (lastLine(step) >= from) {
        int line = step.location().line();
        if (line != from && step.shown().stream().noneMatch(b -> b.line() == from)) {
          out.println("  Line " + from + " is in or just before the step at line " + line + ".");
        }
        int start = DocumentRunner.examplesStart(spec.steps(), i);
        if (start != i) {
          line = spec.steps().get(start).location().line();
          out.println(
              "  The step at line "
                  + step.location().line()
                  + " is one of the throwaway examples that start at line "
                  + line
                  + " (the page goes back to the state before them).");
        }
        if (start == 0) {
          out.println("  Line " + line + " is the page's first step: running the page.");
          return 0;
        }
        if (cache.hasBefore(spec, plan.chain(page), start)) {
          out.println("  Starting at line " + line + " from the state kept before it.");
          return start;
        }
        out.println(
            "  No state kept before line "
                + line
                + " (the steps before it or the pages it continues changed, a step before it"
                + " drifted, or it is older than 30 minutes): running the page from its start.");
        return 0;
      }
    }
    out.println("  No step on or after line " + from + ": running the page from its start.");
    return 0;
  }

  /** The last line of the page a step takes: the closing fence of its last block. */
  private static int lastLine(Step step) {
    return step.shown().stream()
        .mapToInt(b -> b.line() + (int) b.text().lines().count() + 1)
        .max()
        .orElse(step.location().line());
  }

  private void list(DocTests engine, Plan plan, World world) {
    Map<String, String> notes = new HashMap<>();
    world.states().forEach(s -> notes.put(s.name(), s.readerNote()));
    HowVerified how = new HowVerified(engine.config(), notes);
    out.println(
        "Each step, how it runs, and under it what the site will say of how it was verified.");
    for (Path page : plan.selected()) {
      plan.spec(page)
          .ifPresent(
              spec -> {
                out.println(spec.location().shown() + " — " + spec.title());
                List<Path> chain = plan.chain(page);
                if (!chain.isEmpty()) {
                  out.println(
                      "  starts where "
                          + plan.spec(chain.get(0)).get().location().shown()
                          + " ends");
                }
                spec.fixture()
                    .ifPresent(
                        f ->
                            out.println(
                                "  starts from fixture "
                                    + f
                                    + ": "
                                    + engine.config().fixtures().get(f).description()));
                List<List<String>> stepNotes = how.of(spec.steps());
                for (int i = 0; i < spec.steps().size(); i++) {
                  Step step = spec.steps().get(i);
                  out.println(
                      String.format(
                          "  %4d  %-12s %s",
                          step.location().line(),
                          step.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT),
                          step.label()));
                  stepNotes.get(i).forEach(n -> out.println("                    " + n));
                }
              });
    }
  }

  /** Waits until a page, or the config, of the docs folder changes. */
  private void waitForChange() {
    try (var watcher = docs.getFileSystem().newWatchService()) {
      try (var dirs = Files.walk(docs)) {
        for (Path d : dirs.filter(Files::isDirectory).toList()) {
          d.register(
              watcher,
              java.nio.file.StandardWatchEventKinds.ENTRY_CREATE,
              java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY);
        }
      }
      out.println("Watching " + docs + " (Ctrl-C stops)…");
      out.flush();
      while (true) {
        var key = watcher.take();
        boolean relevant =
            key.pollEvents().stream()
                .map(e -> e.context().toString())
                .anyMatch(
                    n -> n.endsWith(".md") || n.endsWith(".adoc") || n.equals("doctest.toml"));
        key.reset();
        if (relevant) {
          Thread.sleep(150); // an editor's save is often several writes
          return;
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      watch = false;
    }
  }

  private int internal(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Files.writeString(
          log,
          Instant.now() + "\n" + trace + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      out.println("❌ Internal error: " + e + " (the details are in " + log + ")");
    } catch (IOException io) {
      out.println("❌ Internal error: " + e);
    }
    return 70;
  }
}
