package dev.doctest;

import dev.doctest.config.DocTestConfig;
import dev.doctest.model.DocumentSpec;
import dev.doctest.model.Expected;
import dev.doctest.model.Step;
import dev.doctest.parse.AsciiDoc;
import dev.doctest.parse.DocumentParser;
import dev.doctest.report.DocUpdater;
import dev.doctest.report.Fingerprint;
import dev.doctest.report.HowVerified;
import dev.doctest.report.JsonReport;
import dev.doctest.run.Checkpoints;
import dev.doctest.run.Confinement;
import dev.doctest.run.DocumentResult;
import dev.doctest.run.DocumentRunner;
import dev.doctest.run.Plan;
import dev.doctest.run.RunSettings;
import dev.doctest.run.Scheduler;
import dev.doctest.run.StepResult;
import dev.doctest.world.StartedAhead;
import dev.doctest.world.World;
import dev.doctest.world.WorldState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The engine's entry point: finds a docs set's pages, parses the ones asked for with the pages they
 * continue (each once), runs them against the world the product plugs in — every step once — and
 * writes a report per page (and, in update mode, the drifted output back into the page).
 */
public final class DocTests implements AutoCloseable {
  private final DocTestConfig config;
  private final RunSettings settings;
  private final World world;
  private StartedAhead startedAhead;
  private final Confinement confinement;
  private final Options options;
  private final AsciiDoc asciidoc;
  private boolean ownsAsciidoc;
  private final DocumentParser parser;
  private JsonReport reports;
  private String toolFingerprint;

  /**
   * How a run goes.
   *
   * @param reportDir where each page's JSON report is written
   * @param toolVersion the version of the tool under test, for the reports
   * @param update whether drifted output is written back into the pages
   * @param parallelism how many pages run at once
   */
  public record Options(Path reportDir, String toolVersion, boolean update, int parallelism) {}

  public DocTests(
      DocTestConfig config,
      RunSettings settings,
      World world,
      Confinement confinement,
      Options options) {
    this(config, settings, world, confinement, options, new AsciiDoc());
    this.ownsAsciidoc = true;
  }

  /**
   * An engine that reads AsciiDoc with {@code asciidoc} — one Asciidoctor kept across runs (the
   * writers' loop reruns in the same process), closed by its owner.
   */
  public DocTests(
      DocTestConfig config,
      RunSettings settings,
      World world,
      Confinement confinement,
      Options options,
      AsciiDoc asciidoc) {
    this.asciidoc = asciidoc;
    this.config = config;
    this.settings = settings;
    this.world = world;
    this.confinement = confinement;
    this.options = options;
    this.parser =
        new DocumentParser(
            config, world.states().stream().map(WorldState::name).toList(), asciidoc);
  }

  public DocTestConfig config() {
    return config;
  }

  /** Whether drifted output is written back into the pages. */
  public boolean updating() {
    return options.update();
  }

  public Confinement confinement() {
    return confinement;
  }

  /** The parser of this run (its Asciidoctor is shared, e.g. with a link check). */
  public DocumentParser parser() {
    return parser;
  }

  public AsciiDoc asciidoc() {
    return asciidoc;
  }

  /** The executable pages under the config's run folders, sorted. */
  public List<Path> documents() {
    List<Path> docs = new ArrayList<>();
    for (String folder : config.runFolders()) {
      Path dir = config.root().resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(DocumentParser::isDocument).sorted().forEach(docs::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return docs;
  }

  /** Parses {@code pages} and the pages they continue, each once. */
  public Plan plan(List<Path> pages) {
    return Plan.of(pages, parser);
  }

  /**
   * Starts running {@code plan}: a future per page that parsed, completed when its report is
   * written; {@code onFinished} hears of each page first (from a worker thread).
   */
  public Map<Path, CompletableFuture<DocumentResult>> start(
      Plan plan, Consumer<DocumentResult> onFinished) {
    return start(plan, onFinished, Checkpoints.NONE, 0);
  }

  /**
   * Starts running {@code plan} as {@link #start(Plan, Consumer)} does, keeping and offering page
   * states through {@code checkpoints}, the pages asked for from step {@code firstStep}. A page
   * that starts after its first step gets no report: not all of it was verified (one whose kept
   * state could not be used runs from its start, and does).
   */
  public Map<Path, CompletableFuture<DocumentResult>> start(
      Plan plan, Consumer<DocumentResult> onFinished, Checkpoints checkpoints, int firstStep) {
    World pages;
    synchronized (this) {
      pages = startedAhead != null ? startedAhead : world;
    }
    DocumentRunner runner = new DocumentRunner(config, options.reportDir().resolve("images"));
    return new Scheduler(
            config,
            settings,
            pages,
            confinement,
            runner,
            options.parallelism(),
            ran -> finished(plan, ran, onFinished),
            checkpoints,
            firstStep)
        .start(plan);
  }

  /**
   * A page's result as the run completes it: its report written (unless it was not verified whole)
   * and, in update mode, its drifted output written back first; {@code onFinished} hears of it.
   */
  DocumentResult finished(Plan plan, DocumentResult ran, Consumer<DocumentResult> onFinished) {
    if (ran.kept()) {
      onFinished.accept(ran);
      return ran;
    }
    DocumentResult result = options.update() ? writeBack(ran) : ran;
    if (!result.partial()) {
      List<Path> chain = plan.chain(result.spec().file());
      reports()
          .write(
              result,
              chain,
              chain.isEmpty()
                  ? Optional.empty()
                  : plan.spec(chain.get(0)).map(DocumentSpec::title));
    }
    onFinished.accept(result);
    return result;
  }

  /**
   * Runs pages of {@code plan} only when asked for, each with the pages it continues: a page asked
   * for alone starts no other page, and a page asked for after the page it continues starts from
   * that page's end state (each step runs once).
   */
  public OnDemand onDemand(Plan plan, Consumer<DocumentResult> onFinished) {
    return new OnDemand(this, plan, onFinished);
  }

  private static void copyImage(Path fresh, Path pageDir, Step.Browse b) {
    Path target = pageDir.resolve(b.screenshot().orElseThrow()).normalize();
    try {
      Files.createDirectories(target.getParent());
      Files.copy(fresh, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      System.out.println("updated " + b.location() + " (image " + b.screenshot().get() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the run's summary (pages, steps run, skipped steps and why) beside the reports. */
  public Path writeSummary(Collection<DocumentResult> results) {
    return reports().writeSummary(results);
  }

  /** The fingerprint of the tool's installation (the folder above its launcher's). */
  public synchronized String toolFingerprint() {
    if (toolFingerprint == null) {
      Path toolDir = settings.toolDir().toAbsolutePath().normalize();
      Path installation = toolDir.getParent() == null ? toolDir : toolDir.getParent();
      toolFingerprint = Fingerprint.ofTree(installation);
    }
    return toolFingerprint;
  }

  /** The world pages run in. */
  public World world() {
    return world;
  }

  private synchronized JsonReport reports() {
    if (reports == null) {
      String engineVersion =
          Optional.ofNullable(DocTests.class.getPackage().getImplementationVersion())
              .orElse("development");
      Map<String, String> notes = new LinkedHashMap<>();
      world.states().forEach(s -> notes.put(s.name(), s.readerNote()));
      reports =
          new JsonReport(
              config,
              options.reportDir(),
              new JsonReport.Build(options.toolVersion(), toolFingerprint()),
              new JsonReport.Build(engineVersion, Fingerprint.ofCodeOf(DocTests.class)),
              new HowVerified(config, notes));
    }
    return reports;
  }

  /**
   * Update mode: writes each drifted output back into the page (only drifts: a step whose exit code
   * or prompt differed is never written) and returns the result a run of the updated page gives —
   * the written steps pass.
   */
  private static DocumentResult writeBack(DocumentResult result) {
    List<DocUpdater.Update> updates = new ArrayList<>();
    List<StepResult> steps = new ArrayList<>();
    for (StepResult r : result.steps()) {
      if (r.status() != StepResult.Status.DRIFTED || r.update().isEmpty()) {
        steps.add(r);
        continue;
      }
      if (r.step() instanceof Step.Browse b) {
        copyImage(Path.of(r.update().get()), result.spec().file().getParent(), b);
      } else {
        Expected e =
            r.step() instanceof Step.Interactive i
                ? i.transcript()
                : ((Step.Command) r.step()).expected().orElseThrow();
        updates.add(new DocUpdater.Update(e, r.update().get()));
      }
      steps.add(
          new StepResult(
              r.step(),
              StepResult.Status.PASSED,
              "updated in the page",
              r.duration(),
              Optional.empty(),
              r.ran()));
    }
    if (!updates.isEmpty()) {
      DocUpdater.apply(result.spec().file(), updates).forEach(System.out::println);
    }
    return new DocumentResult(
        result.spec(),
        steps,
        result.worldProblems(),
        result.confined(),
        result.startedAt(),
        result.duration(),
        result.kept());
  }

  /**
   * Gets the slow first steps of a run going while the pages are read: the first world instance
   * starts (see {@link StartedAhead}) and the tool's fingerprint is taken, each on a thread of its
   * own. {@link #close()} stops the instance if no page took it.
   */
  public synchronized void startAhead() {
    if (startedAhead == null) {
      startedAhead = new StartedAhead(world);
      CompletableFuture.runAsync(this::toolFingerprint);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (startedAhead != null) {
        startedAhead.close();
        startedAhead = null;
      }
    }
    if (ownsAsciidoc) {
      asciidoc.close();
    }
  }
}
