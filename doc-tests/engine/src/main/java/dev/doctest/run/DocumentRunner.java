package dev.doctest.run;

import dev.doctest.config.DocTestConfig;
import dev.doctest.match.OutputMatcher;
import dev.doctest.match.TerminalText;
import dev.doctest.model.DocumentSpec;
import dev.doctest.model.Expected;
import dev.doctest.model.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one document's own steps like a reader, on a stage that already holds where the page starts
 * (the end state of the page it continues): first its fixture, then every step in order. A step
 * whose output drifts does not stop the page — the state after it is still the one the page
 * describes, so every drift shows in one run; a step whose exit code, prompt or time differs stops
 * it, as a reader could not go on either.
 */
public final class DocumentRunner {
  private final DocTestConfig config;
  private final OutputMatcher matcher;

  private final Path images;

  /**
   * @param images where browser steps put the screenshots they take (beside the reports)
   */
  public DocumentRunner(DocTestConfig config, Path images) {
    this.config = config;
    this.matcher = new OutputMatcher(config.patterns());
    this.images = images;
  }

  /** Why a step before the one a run started at did not run. */
  public static final String STARTED_LATER = "not run: the run started at a later step";

  /**
   * The first step of the throwaway examples (isolated steps, with only steps that do not run
   * between them) that step {@code index} belongs to; {@code index} itself if it is not isolated. A
   * run must start there: after the examples it goes back to the state before the first of them.
   */
  public static int examplesStart(List<Step> steps, int index) {
    if (index >= steps.size() || !steps.get(index).isolated()) {
      return index;
    }
    int start = index;
    for (int i = index - 1; i >= 0; i--) {
      Step step = steps.get(i);
      if (step.isolated()) {
        start = i;
      } else if (step.runs()) {
        break;
      }
    }
    return start;
  }

  /** Runs {@code spec} on {@code stage}. */
  public DocumentResult run(DocumentSpec spec, Stage stage, boolean confined) {
    return run(spec, List.of(), stage, confined, 0, Checkpoints.NONE);
  }

  /**
   * Runs {@code spec} (which continues {@code chain}) on {@code stage} from step {@code firstStep}
   * (the stage holding the state before it), telling {@code checkpoints} of the state before each
   * step.
   */
  public DocumentResult run(
      DocumentSpec spec,
      List<Path> chain,
      Stage stage,
      boolean confined,
      int firstStep,
      Checkpoints checkpoints) {
    if (examplesStart(spec.steps(), firstStep) != firstStep) {
      throw new IllegalArgumentException(
          "step " + firstStep + " is inside a group of throwaway examples, not at its start");
    }
    Instant started = Instant.now();
    List<StepResult> results = new ArrayList<>();
    String stopped =
        firstStep > 0 ? null : spec.fixture().flatMap(f -> runFixture(f, stage)).orElse(null);
    boolean setupFailed = stopped != null;
    Snapshot example = null; // the state before the throwaway example that is running, if one is
    boolean drifted = false;
    for (int index = 0; index < spec.steps().size(); index++) {
      Step step = spec.steps().get(index);
      if (example != null && !step.isolated() && step.runs()) {
        example = undo(example, stage);
      }
      if (example == null && step.isolated() && stopped == null && index >= firstStep) {
        example = stage.snapshot();
      }
      if (index < firstStep) {
        results.add(StepResult.skipped(step, STARTED_LATER));
        continue;
      }
      // After a drift no state is kept: a run started from it would not show the drift.
      if (stopped == null && !drifted && step.runs()) {
        checkpoints.before(spec, chain, index, step, stage);
      }
      if (setupFailed && step.runs()) {
        // The page cannot pass from a state that was never set up: its first step fails, saying so.
        results.add(
            failed(
                step,
                System.nanoTime(),
                step.location() + ": not run, the starting state failed: " + stopped,
                null,
                null));
        setupFailed = false;
      } else if (stopped != null) {
        results.add(StepResult.skipped(step, "not run: " + stopped));
      } else if (step instanceof Step.Illustrative i) {
        results.add(StepResult.skipped(step, "illustrative: " + i.reason()));
      } else {
        StepResult r = withWorldProblems(runStep(step, stage), stage);
        results.add(r);
        drifted |= r.status() == StepResult.Status.DRIFTED;
        if (r.status() == StepResult.Status.FAILED) {
          stopped =
              "the step at " + step.location() + " failed, so the state after it cannot be trusted";
        }
      }
    }
    if (example != null) {
      undo(example, stage);
    }
    return new DocumentResult(
        spec,
        results,
        stage.world().problems(),
        confined,
        started,
        Duration.between(started, Instant.now()),
        false);
  }

  /**
   * A step during which the world saw a problem (e.g. an answer that breaks the API contract) fails
   * there, at its line.
   */
  private static StepResult withWorldProblems(StepResult r, Stage stage) {
    List<String> problems = stage.world().problems();
    if (problems.isEmpty() || r.failed()) {
      return problems.isEmpty()
          ? r
          : new StepResult(
              r.step(),
              r.status(),
              r.message() + "\n" + String.join("\n", problems),
              r.duration(),
              r.update(),
              r.ran());
    }
    return new StepResult(
        r.step(),
        StepResult.Status.FAILED,
        r.step().location()
            + ": while this step ran, its world reported: "
            + String.join("\n   ", problems),
        r.duration(),
        Optional.empty(),
        r.ran());
  }

  /** The result of a page that could not start: every step not run, for {@code why}. */
  public static DocumentResult notRun(DocumentSpec spec, String why) {
    return notRun(spec, why, true);
  }

  /**
   * The result of a page that did not run, for {@code why}: a failure when it could not, or not
   * when it need not (its end state was kept).
   */
  static DocumentResult notRun(DocumentSpec spec, String why, boolean failure) {
    List<StepResult> results = new ArrayList<>();
    for (Step step : spec.steps()) {
      results.add(StepResult.skipped(step, "not run: " + why));
    }
    return new DocumentResult(
        spec,
        results,
        failure ? List.of(why) : List.of(),
        false,
        Instant.now(),
        Duration.ZERO,
        !failure);
  }

  private Optional<String> runFixture(String name, Stage stage) {
    DocTestConfig.Fixture fixture = config.fixtures().get(name);
    if (fixture.parent().isPresent()) {
      Optional<String> failed = runFixture(fixture.parent().get(), stage);
      if (failed.isPresent()) {
        return failed;
      }
    }
    Map<String, String> before = stage.workspace().variables();
    for (String command : fixture.commands()) {
      Outcome o =
          new ShellRunner(stage.workspace())
              .run(stage.variables().resolve(command), config.timeout());
      if (o.exitCode() != 0 || o.problem() != null) {
        return Optional.of(
            "fixture "
                + name
                + " failed: "
                + stage.workspace().redactPaths(command)
                + "\n"
                + stage.workspace().redactPaths(o.output()));
      }
    }
    Map<String, String> after = stage.workspace().variables();
    for (String variable : after.keySet()) {
      if (!after.get(variable).equals(before.get(variable))
          && !fixture
              .description()
              .matches("(?s).*\\b" + java.util.regex.Pattern.quote(variable) + "\\b.*")) {
        return Optional.of(
            "fixture "
                + name
                + " sets "
                + variable
                + ", which its description does not name: readers are told only the description"
                + " (\""
                + fixture.description()
                + "\"), and a variable can change what every later step does; name it there"
                + " (as $"
                + variable
                + ")");
      }
    }
    return Optional.empty();
  }

  private StepResult runStep(Step step, Stage stage) {
    long start = System.nanoTime();
    Step.Options options =
        step instanceof Step.Command c
            ? c.options()
            : step instanceof Step.Interactive i ? i.options() : Step.Options.DEFAULT;
    options.scenario().ifPresent(stage::enter);
    try {
      if (step instanceof Step.Command c) {
        return runCommand(c, stage, start);
      }
      if (step instanceof Step.Interactive i) {
        return runInteractive(i, stage, start);
      }
      if (step instanceof Step.WriteFile w) {
        return writeFile(w, stage, start);
      }
      if (step instanceof Step.Browse b) {
        return browse(b, stage, start);
      }
      return StepResult.skipped(step, ((Step.Illustrative) step).reason());
    } catch (TerminalText.Unreadable e) {
      return failed(step, start, step.location() + ": " + e.getMessage(), null, null);
    } finally {
      if (options.scenario().isPresent()) {
        stage.normal();
      }
    }
  }

  /**
   * Whether a browser step's URL, as run, is a server of the run: http(s) on loopback (an address,
   * never a name to look up: the run uses no network but this machine's).
   */
  static boolean runsServer(String url) {
    try {
      java.net.URI uri = new java.net.URI(url);
      String host = uri.getHost();
      boolean literal = host != null && host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]");
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && host != null
          && (host.equals("localhost")
              || literal && java.net.InetAddress.getByName(host).isLoopbackAddress());
    } catch (java.net.URISyntaxException | java.net.UnknownHostException e) {
      return false;
    }
  }

  /**
   * A browser step: the page at its URL must show what the page says, and the image it declares is
   * taken afresh — beside the reports, for the site to publish — and compared with the one in the
   * docs. A difference is a drift (update mode writes the new image into the docs).
   */
  private StepResult browse(Step.Browse b, Stage stage, long start) {
    Optional<Browser> browser = Browser.detect();
    if (browser.isEmpty()) {
      return StepResult.skipped(b, "skipped: " + Browser.MISSING);
    }
    Step.Browse actual =
        new Step.Browse(
            b.location(),
            b.heading(),
            stage.placeholders().toActual(b.url()),
            b.see().stream().map(stage.placeholders()::toActual).toList(),
            b.counts(),
            b.screenshot(),
            b.region());
    Browser.Seen seen;
    try {
      seen =
          runsServer(actual.url())
              ? stage.browser(browser.get()).look(actual.url(), actual)
              : new Browser.Seen(
                  List.of(
                      "it opens "
                          + actual.url()
                          + ", which is none of the run's own servers (http on this machine's"
                          + " loopback): what a browser shows elsewhere was never produced by the"
                          + " run"),
                  Optional.empty(),
                  new byte[0]);
    } catch (org.openqa.selenium.WebDriverException e) {
      seen =
          new Browser.Seen(
              List.of(
                  "the browser did not start: "
                      + String.valueOf(e.getMessage()).lines().findFirst().orElse("")),
              Optional.empty(),
              new byte[0]);
    }
    Path pageDir = b.location().file().getParent();
    Path relDir =
        config.root().toAbsolutePath().normalize().relativize(pageDir.toAbsolutePath().normalize());
    String summary =
        String.join(
            "\n",
            java.util.stream.Stream.concat(
                    b.see().stream().map(t -> "sees “" + t + "”"),
                    b.counts().stream().map(c -> "counts " + c.expected() + " × " + c.selector()))
                .toList());
    StepResult.Ran ran = new StepResult.Ran(0, summary);
    if (!seen.problems().isEmpty()) {
      Path shot =
          images
              .resolve("failures")
              .resolve(relDir.toString())
              .resolve(b.location().file().getFileName() + "-" + b.location().line() + ".png");
      write(shot, seen.window());
      return drifted(
          b,
          start,
          b.location()
              + ": in the browser at "
              + b.url()
              + ": "
              + String.join("; ", seen.problems())
              + "\n   What the browser showed: "
              + shot,
          Optional.empty(),
          ran);
    }
    if (b.screenshot().isPresent() && seen.image().isPresent()) {
      Path fresh = images.resolve(relDir.toString()).resolve(b.screenshot().get()).normalize();
      write(fresh, seen.image().get());
      Path committed = pageDir.resolve(b.screenshot().get()).normalize();
      double difference;
      try {
        difference =
            Files.exists(committed)
                ? Browser.difference(Files.readAllBytes(committed), seen.image().get())
                : 1;
      } catch (IOException e) {
        difference = 1;
      }
      if (difference > IMAGE_TOLERANCE) {
        return drifted(
            b,
            start,
            b.location()
                + ": the image "
                + b.screenshot().get()
                + (Files.exists(committed)
                    ? " drifted: "
                        + String.format(java.util.Locale.ROOT, "%.1f", difference * 100)
                        + "% of its pixels differ"
                    : " is not in the docs yet")
                + " (the new one: "
                + fresh
                + "; update mode writes it into the docs)",
            Optional.of(fresh.toString()),
            ran);
      }
    }
    return StepResult.passed(b, Duration.ofNanos(System.nanoTime() - start), ran);
  }

  /** How many of an image's pixels may differ (fonts, anti-aliasing) before it has drifted. */
  static final double IMAGE_TOLERANCE = 0.01;

  private static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Ends a throwaway example: the page's state goes back to what it was before it. */
  private static Snapshot undo(Snapshot example, Stage stage) {
    try (example) {
      stage.restore(example);
    }
    return null;
  }

  private Duration timeout(Step.Options o) {
    return o.timeout().orElse(config.timeout());
  }

  /**
   * The output with every secret the run types at a prompt (the password) shown as {@code
   * ********}, as the page shows it at the prompt: no secret reaches a diff, a report, a log or a
   * page written by update mode, even when a command prints it.
   */
  private Outcome withoutSecrets(Outcome o, Stage stage) {
    String output = o.output();
    for (Optional<String> secret : config.prompts().values()) {
      if (secret.isPresent()) {
        String value = stage.variables().resolve(secret.get());
        if (!value.isEmpty()) {
          output = output.replace(value, SECRET_SHOWN);
        }
      }
    }
    return output.equals(o.output()) ? o : new Outcome(o.exitCode(), output, o.problem());
  }

  /** How a page shows a secret. */
  static final String SECRET_SHOWN = "********";

  private StepResult runCommand(Step.Command c, Stage stage, long start) {
    Outcome o =
        new ShellRunner(stage.workspace())
            .run(stage.placeholders().toActual(c.script()), timeout(c.options()));
    return judge(c, c.expected(), c.options(), o, stage, start);
  }

  private StepResult runInteractive(Step.Interactive step, Stage stage, long start) {
    List<PtyRunner.Answer> answers = new ArrayList<>();
    for (String line : step.transcript().text().lines().toList()) {
      for (Map.Entry<String, Optional<String>> p : config.prompts().entrySet()) {
        if (line.startsWith(p.getKey())) {
          String typed =
              p.getValue().isPresent()
                  ? stage.variables().resolve(p.getValue().get())
                  : stage.placeholders().toActual(line.substring(p.getKey().length()));
          answers.add(new PtyRunner.Answer(p.getKey(), typed));
        }
      }
    }
    Outcome o =
        new PtyRunner(stage.workspace())
            .run(stage.placeholders().toActual(step.script()), answers, timeout(step.options()));
    return judge(step, Optional.of(step.transcript()), step.options(), o, stage, start);
  }

  private StepResult judge(
      Step step,
      Optional<Expected> expected,
      Step.Options options,
      Outcome printed,
      Stage stage,
      long start) {
    Outcome o = withoutSecrets(printed, stage);
    String shown = stage.workspace().redactPaths(TerminalText.normalize(o.output()));
    StepResult.Ran ran =
        new StepResult.Ran(
            o.exitCode(),
            stage
                .workspace()
                .redactPaths(
                    expected.isPresent()
                        ? matcher.toReaderText(o.output(), expected.get(), stage.placeholders())
                        : stage.placeholders().toReader(TerminalText.normalize(o.output()))));
    if (o.problem() != null) {
      return failed(
          step,
          start,
          step.location() + ": " + o.problem() + ": " + step.label() + "\n" + indent(shown),
          null,
          ran);
    }
    if (o.exitCode() != options.exitCode()) {
      boolean wroteOutside = shown.contains("Read-only file system");
      return failed(
          step,
          start,
          step.location()
              + ": exit code "
              + o.exitCode()
              + ", expected "
              + options.exitCode()
              + ": "
              + step.label()
              + (wroteOutside
                  ? " (it wrote outside the page's workspace: only HOME and /tmp are writable)"
                  : "")
              + " — the page stops here, as a reader could not go on\n"
              + indent(shown),
          null,
          ran);
    }
    if (expected.isPresent()) {
      Optional<OutputMatcher.Mismatch> mismatch =
          matcher.compare(o.output(), expected.get(), stage.placeholders());
      if (mismatch.isPresent()) {
        return drifted(
            step,
            start,
            expected.get().location()
                + ": output drifted ("
                + step.label()
                + ")\n"
                + stage.workspace().redactPaths(mismatch.get().diff()),
            Optional.of(mismatch.get().readerText()),
            ran);
      }
    }
    if (expected.isEmpty()
        && step instanceof Step.Command c
        && c.options().hidesOutput().isEmpty()
        && !ran.output().isEmpty()) {
      return drifted(
          step,
          start,
          step.location()
              + ": the command printed output the page does not show ("
              + step.label()
              + "): a reader would see it. Show it in an output block after the command, or say"
              + " why it is not shown with hides-output=\"…\"\n"
              + indent(ran.output()),
          Optional.empty(),
          ran);
    }
    return StepResult.passed(step, Duration.ofNanos(System.nanoTime() - start), ran);
  }

  private StepResult writeFile(Step.WriteFile w, Stage stage, long start) {
    String path = w.path();
    Workspace ws = stage.workspace();
    Path target =
        path.startsWith("~/")
            ? ws.hostHome().resolve(path.substring(2)).normalize()
            : ws.cwd().resolve(path).normalize();
    if (!target.startsWith(ws.hostHome()) && !target.startsWith(ws.root())) {
      return failed(
          w,
          start,
          w.location() + ": the file block's path " + path + " lies outside the page's workspace",
          null,
          null);
    }
    Outcome written;
    try {
      String content = stage.placeholders().toActual(w.content());
      // Written by the page's own shell, confined like its commands: a symbolic link an earlier
      // step made leads where it would for a reader's editor, never out of the page's workspace.
      written =
          new ShellRunner(ws)
              .run(
                  ws.fileWrite(path, content.endsWith("\n") ? content : content + "\n"),
                  config.timeout());
    } catch (IOException e) {
      return failed(
          w, start, w.location() + ": cannot write " + path + ": " + e.getMessage(), null, null);
    }
    if (written.exitCode() != 0 || written.problem() != null) {
      return failed(
          w,
          start,
          w.location()
              + ": cannot write "
              + path
              + ": "
              + (written.problem() != null
                  ? written.problem()
                  : ws.redactPaths(written.output()).strip()),
          null,
          null);
    }
    return StepResult.passed(
        w, Duration.ofNanos(System.nanoTime() - start), new StepResult.Ran(0, ""));
  }

  private static StepResult drifted(
      Step step, long start, String message, Optional<String> update, StepResult.Ran ran) {
    return new StepResult(
        step,
        StepResult.Status.DRIFTED,
        message,
        Duration.ofNanos(System.nanoTime() - start),
        update,
        Optional.ofNullable(ran));
  }

  private static StepResult failed(
      Step step, long start, String message, String update, StepResult.Ran ran) {
    return new StepResult(
        step,
        StepResult.Status.FAILED,
        message,
        Duration.ofNanos(System.nanoTime() - start),
        Optional.ofNullable(update),
        Optional.ofNullable(ran));
  }

  private static String indent(String text) {
    return text.isBlank()
        ? "   (no output)"
        : text.lines().map(l -> "   | " + l).reduce((a, b) -> a + "\n" + b).orElse("");
  }
}
