package dev.speckitty.doctest.run;

import dev.speckitty.doctest.config.DocTestConfig;
import dev.speckitty.doctest.config.Placeholders;
import dev.speckitty.doctest.config.Variables;
import dev.speckitty.doctest.match.OutputMatcher;
import dev.speckitty.doctest.model.DocTestException;
import dev.speckitty.doctest.model.DocumentSpec;
import dev.speckitty.doctest.model.Expected;
import dev.speckitty.doctest.model.Step;
import dev.speckitty.doctest.parse.DocumentParser;
import dev.speckitty.mockserver.ContractValidator;
import dev.speckitty.mockserver.Fixtures;
import dev.speckitty.mockserver.MockTeamServer;
import dev.speckitty.mockserver.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one document like a reader: a fresh sandbox and mock server, its starting state (a fixture
 * or the documents it continues), then every step in order — stopping at the first failure, since a
 * reader could not go on either.
 */
public final class TutorialRunner {
  private final DocTestConfig config;
  private final RunSettings settings;
  private final DocumentParser parser;
  private final OutputMatcher matcher;

  private final boolean continueAfterDrift;

  public TutorialRunner(DocTestConfig config, RunSettings settings) {
    this(config, settings, false);
  }

  /**
   * @param continueAfterDrift keep going after a step whose only fault is drifted output (update
   *     mode rewrites every drifted block in one run)
   */
  public TutorialRunner(DocTestConfig config, RunSettings settings, boolean continueAfterDrift) {
    this.continueAfterDrift = continueAfterDrift;
    this.config = config;
    this.settings = settings;
    this.parser = new DocumentParser(config);
    this.matcher = new OutputMatcher(config.patterns());
  }

  public DocumentResult run(DocumentSpec spec) {
    Instant started = Instant.now();
    Optional<ContractValidator> contract = settings.openApi().map(ContractValidator::new);
    try (MockTeamServer server = MockTeamServer.start(0, contract);
        Sandbox sandbox = new Sandbox(settings.launcherDir(), settings.outerEnv())) {
      Fixtures.User user = Fixtures.demoUser();
      Map<String, String> vars = new LinkedHashMap<>();
      vars.put("server.url", server.baseUrl());
      vars.put("sandbox.home", sandbox.home().toString());
      vars.put("user.name", user.username());
      vars.put("user.password", user.password());
      Variables variables = new Variables(vars);
      Context ctx =
          new Context(
              sandbox, server, variables, new Placeholders(config.placeholders(), variables));
      List<StepResult> results = new ArrayList<>();
      Optional<String> setupFailure = prepare(spec, ctx, new ArrayList<>());
      String stopped = setupFailure.orElse(null);
      for (Step step : spec.steps()) {
        if (stopped != null) {
          results.add(StepResult.skipped(step, "not run: " + stopped));
        } else if (step instanceof Step.Illustrative i) {
          results.add(StepResult.skipped(step, "illustrative: " + i.reason()));
        } else {
          StepResult r = runStep(step, ctx);
          results.add(r);
          boolean onlyDrift = r.update().isPresent() && continueAfterDrift;
          if (r.status() == StepResult.Status.FAILED && !onlyDrift) {
            stopped = "an earlier step failed at " + step.location();
          }
        }
      }
      return new DocumentResult(
          spec,
          results,
          contract.map(ContractValidator::violations).orElse(List.of()),
          started,
          Duration.between(started, Instant.now()));
    }
  }

  private record Context(
      Sandbox sandbox, MockTeamServer server, Variables variables, Placeholders placeholders) {}

  /** Runs the fixture or the continued documents; a failure there is reported on every step. */
  private Optional<String> prepare(DocumentSpec spec, Context ctx, List<Path> chain) {
    if (chain.contains(spec.file())) {
      return Optional.of("continues= loops back to " + spec.file().getFileName());
    }
    chain.add(spec.file());
    if (spec.fixture().isPresent()) {
      Optional<String> failed = runFixture(spec.fixture().get(), ctx);
      if (failed.isPresent()) {
        return failed;
      }
    }
    if (spec.continues().isPresent()) {
      DocumentSpec before;
      try {
        before = parser.parse(spec.continues().get());
      } catch (DocTestException e) {
        return Optional.of("the document it continues does not parse: " + e.getMessage());
      }
      Optional<String> failed = prepare(before, ctx, chain);
      if (failed.isPresent()) {
        return failed;
      }
      for (Step step : before.steps()) {
        if (step.runs()) {
          StepResult r = runStep(step, ctx);
          if (r.status() == StepResult.Status.FAILED) {
            return Optional.of("the document it continues failed at " + step.location());
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> runFixture(String name, Context ctx) {
    DocTestConfig.Fixture fixture = config.fixtures().get(name);
    if (fixture.parent().isPresent()) {
      Optional<String> failed = runFixture(fixture.parent().get(), ctx);
      if (failed.isPresent()) {
        return failed;
      }
    }
    for (String command : fixture.commands()) {
      Outcome o =
          new ShellRunner(ctx.sandbox()).run(ctx.variables().resolve(command), config.timeout());
      if (o.exitCode() != 0 || o.problem() != null) {
        return Optional.of(
            "fixture "
                + name
                + " failed: "
                + ctx.sandbox().redactPaths(command)
                + "\n"
                + ctx.sandbox().redactPaths(o.output()));
      }
    }
    return Optional.empty();
  }

  private StepResult runStep(Step step, Context ctx) {
    long start = System.nanoTime();
    Step.Options options =
        step instanceof Step.Command c
            ? c.options()
            : step instanceof Step.Interactive i ? i.options() : Step.Options.DEFAULT;
    // Scenario names were checked when the document was parsed.
    Optional<Scenario> scenario = options.scenario().map(id -> Scenario.byId(id).orElseThrow());
    scenario.ifPresent(ctx.server()::use);
    Path snapshot = options.isolated() ? ctx.sandbox().snapshot() : null;
    try {
      if (step instanceof Step.Command c) {
        return runCommand(c, ctx, start);
      }
      if (step instanceof Step.Interactive i) {
        return runInteractive(i, ctx, start);
      }
      if (step instanceof Step.WriteFile w) {
        return writeFile(w, ctx, start);
      }
      return StepResult.skipped(step, ((Step.Illustrative) step).reason());
    } finally {
      if (scenario.isPresent()) {
        ctx.server().use(Scenario.NORMAL);
      }
      if (snapshot != null) {
        ctx.sandbox().restore(snapshot);
      }
    }
  }

  private Duration timeout(Step.Options o) {
    return o.timeout().orElse(config.timeout());
  }

  private StepResult runCommand(Step.Command c, Context ctx, long start) {
    Outcome o =
        new ShellRunner(ctx.sandbox())
            .run(ctx.placeholders().toSandbox(c.script()), timeout(c.options()));
    return judge(c, c.expected(), c.options(), o, ctx, start);
  }

  private StepResult runInteractive(Step.Interactive step, Context ctx, long start) {
    List<PtyRunner.Answer> answers = new ArrayList<>();
    for (String line : step.transcript().text().lines().toList()) {
      for (Map.Entry<String, Optional<String>> p : config.prompts().entrySet()) {
        if (line.startsWith(p.getKey())) {
          String typed =
              p.getValue().isPresent()
                  ? ctx.variables().resolve(p.getValue().get())
                  : ctx.placeholders().toSandbox(line.substring(p.getKey().length()));
          answers.add(new PtyRunner.Answer(p.getKey(), typed));
        }
      }
    }
    Outcome o =
        new PtyRunner(ctx.sandbox())
            .run(ctx.placeholders().toSandbox(step.script()), answers, timeout(step.options()));
    return judge(step, Optional.of(step.transcript()), step.options(), o, ctx, start);
  }

  private StepResult judge(
      Step step,
      Optional<Expected> expected,
      Step.Options options,
      Outcome o,
      Context ctx,
      long start) {
    String shown = ctx.sandbox().redactPaths(o.output());
    if (o.problem() != null) {
      return failed(
          step,
          start,
          step.location() + ": " + o.problem() + ": " + step.label() + "\n" + indent(shown),
          null);
    }
    if (expected.isPresent()) {
      Optional<OutputMatcher.Mismatch> mismatch =
          matcher.compare(o.output(), expected.get(), ctx.placeholders());
      if (mismatch.isPresent()) {
        return failed(
            step,
            start,
            expected.get().location()
                + ": output drifted ("
                + step.label()
                + ")\n"
                + ctx.sandbox().redactPaths(mismatch.get().diff()),
            mismatch.get().readerText());
      }
    }
    if (o.exitCode() != options.exitCode()) {
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
              + "\n"
              + indent(shown),
          null);
    }
    return StepResult.passed(step, Duration.ofNanos(System.nanoTime() - start));
  }

  private StepResult writeFile(Step.WriteFile w, Context ctx, long start) {
    String path = w.path();
    Path target =
        path.startsWith("~/")
            ? ctx.sandbox().home().resolve(path.substring(2))
            : ctx.sandbox().cwd().resolve(path);
    try {
      Files.createDirectories(target.getParent());
      String content = ctx.placeholders().toSandbox(w.content());
      Files.writeString(target, content.endsWith("\n") ? content : content + "\n");
    } catch (IOException e) {
      return failed(
          w, start, w.location() + ": cannot write " + path + ": " + e.getMessage(), null);
    }
    return StepResult.passed(w, Duration.ofNanos(System.nanoTime() - start));
  }

  private static StepResult failed(Step step, long start, String message, String update) {
    return new StepResult(
        step,
        StepResult.Status.FAILED,
        message,
        Duration.ofNanos(System.nanoTime() - start),
        Optional.ofNullable(update));
  }

  private static String indent(String text) {
    return text.isBlank()
        ? "   (no output)"
        : text.lines().map(l -> "   | " + l).reduce((a, b) -> a + "\n" + b).orElse("");
  }
}
