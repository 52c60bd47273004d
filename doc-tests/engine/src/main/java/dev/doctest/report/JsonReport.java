package dev.doctest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.doctest.config.DocTestConfig;
import dev.doctest.model.Step;
import dev.doctest.run.DocumentResult;
import dev.doctest.run.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The verification report of one page as JSON ({@code <page>.json} under the report folder): what a
 * site's "Verified" badge and evidence page are made from. It records what the verdict rests on —
 * the SHA-256 of the page, of the pages it continues and of the config, and the identity of the
 * tool and the engine — so a site can refuse a report that is about other files; and for each step
 * its blocks, how it was verified, its exit code and what it printed.
 */
public final class JsonReport {
  /** The report format's version, for readers of the JSON. */
  public static final int FORMAT = 2;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * A build of the tool under test or of the engine.
   *
   * @param version its version
   * @param sha256 the fingerprint of its code (the tool's installation folder, the engine's jar)
   */
  public record Build(String version, String sha256) {}

  private final DocTestConfig config;
  private final Path reportDir;
  private final Build tool;
  private final Build engine;
  private final HowVerified howVerified;

  public JsonReport(
      DocTestConfig config, Path reportDir, Build tool, Build engine, HowVerified howVerified) {
    this.config = config;
    this.reportDir = reportDir;
    this.tool = tool;
    this.engine = engine;
    this.howVerified = howVerified;
  }

  private String relative(Path file) {
    Path root = config.root().toAbsolutePath().normalize();
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
  }

  /**
   * Writes the report for {@code result}.
   *
   * @param chain the pages it continues, nearest first
   * @param continuedTitle the title of the page it continues
   */
  public Path write(DocumentResult result, List<Path> chain, Optional<String> continuedTitle) {
    String rel = relative(result.spec().file());
    ObjectNode n = JSON.createObjectNode();
    n.put("format", FORMAT);
    n.put("document", rel);
    n.put("title", result.spec().title());
    n.put("passed", result.passed());
    n.put("confined", result.confined());
    n.put("verified_at", result.startedAt().toString());
    n.put("duration_ms", result.duration().toMillis());
    n.putObject("tool").put("version", tool.version()).put("sha256", tool.sha256());
    n.putObject("engine").put("version", engine.version()).put("sha256", engine.sha256());
    ObjectNode inputs = n.putObject("inputs");
    inputs.put("page", Fingerprint.of(result.spec().file()));
    ArrayNode chainHashes = inputs.putArray("chain");
    for (Path page : chain) {
      chainHashes.addObject().put("document", relative(page)).put("sha256", Fingerprint.of(page));
    }
    inputs.put("config", Fingerprint.of(config.root().resolve("doctest.toml")));
    ObjectNode start = n.putObject("starts_from");
    if (!chain.isEmpty()) {
      start.put("continues", relative(chain.get(0)));
    }
    result
        .spec()
        .fixture()
        .ifPresent(
            f -> {
              ObjectNode fixture =
                  start
                      .putObject("fixture")
                      .put("name", f)
                      .put("description", config.fixtures().get(f).description());
              fixtureCommands(f).forEach(fixture.putArray("commands")::add);
            });
    ArrayNode pageNotes = n.putArray("how_verified");
    howVerified.ofPage(result.spec(), continuedTitle).forEach(pageNotes::add);
    ObjectNode coverage = n.putObject("coverage");
    coverage.put("blocks_run", result.spec().blocksRun());
    coverage.put("blocks_total", result.spec().blocks());
    n.put(
        "steps_passed",
        result.steps().stream().filter(s -> s.status() == StepResult.Status.PASSED).count());
    n.put("steps_run", result.stepsRun());
    ArrayNode steps = n.putArray("steps");
    List<List<String>> notes =
        howVerified.of(result.steps().stream().map(StepResult::step).toList());
    for (int i = 0; i < result.steps().size(); i++) {
      steps.add(step(result.steps().get(i), notes.get(i)));
    }
    ArrayNode problems = n.putArray("world_problems");
    result.worldProblems().forEach(problems::add);
    return writeJson(reportDir.resolve(rel + ".json"), n);
  }

  private ObjectNode step(StepResult r, List<String> howVerifiedNotes) {
    Step s = r.step();
    ObjectNode o = JSON.createObjectNode();
    o.put("line", s.location().line());
    o.put("heading", s.heading());
    o.put("kind", s.getClass().getSimpleName().toLowerCase(Locale.ROOT));
    o.put("label", s.label());
    o.put("status", r.status().name().toLowerCase(Locale.ROOT));
    o.put("duration_ms", r.duration().toMillis());
    ArrayNode blocks = o.putArray("blocks");
    for (Step.Shown b : s.shown()) {
      blocks.addObject().put("line", b.line()).put("role", b.role()).put("text", b.text());
    }
    if (s instanceof Step.Command c && c.hidden()) {
      o.put("hidden_command", c.script());
    }
    if (s instanceof Step.Browse b) {
      ObjectNode browser = o.putObject("browser");
      browser.put("open", b.url());
      b.see().forEach(browser.withArray("see")::add);
      b.counts()
          .forEach(
              c ->
                  browser
                      .withArray("count")
                      .addObject()
                      .put("selector", c.selector())
                      .put("expected", c.expected()));
      b.screenshot()
          .ifPresent(
              p -> {
                browser.put("screenshot", p);
                Path pageDir =
                    config
                        .root()
                        .toAbsolutePath()
                        .normalize()
                        .relativize(s.location().file().toAbsolutePath().normalize().getParent());
                browser.put("fresh_image", "images/" + pageDir.resolve(p).normalize().toString());
              });
    }
    ArrayNode notes = o.putArray("how_verified");
    howVerifiedNotes.forEach(notes::add);
    r.ran()
        .ifPresent(
            ran -> o.putObject("ran").put("exit_code", ran.exitCode()).put("output", ran.output()));
    if (!r.message().isEmpty()) {
      o.put("message", r.message());
    }
    return o;
  }

  /** Writes {@code summary.json}: how many pages and steps ran, and every skipped step. */
  public Path writeSummary(Collection<DocumentResult> results) {
    ObjectNode n = JSON.createObjectNode();
    n.put("format", FORMAT);
    n.put("pages", results.size());
    n.put("steps_run", results.stream().mapToLong(DocumentResult::stepsRun).sum());
    n.put("confined", results.stream().allMatch(DocumentResult::confined));
    n.put("passed", results.stream().allMatch(DocumentResult::passed));
    n.putObject("tool").put("version", tool.version()).put("sha256", tool.sha256());
    ArrayNode skipped = n.putArray("skipped");
    for (DocumentResult result : results) {
      for (StepResult r : result.steps()) {
        if (r.status() == StepResult.Status.SKIPPED) {
          skipped.addObject().put("at", r.step().location().toString()).put("reason", r.message());
        }
      }
    }
    return writeJson(reportDir.resolve("summary.json"), n);
  }

  private static Path writeJson(Path out, ObjectNode n) {
    try {
      Files.createDirectories(out.getParent());
      JSON.writeValue(out.toFile(), n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The commands a fixture runs, those of the fixtures it extends first, as readers would type
   * them: a variable shows as the text its placeholder gives readers, a secret as {@code ********}
   * (as at its prompt). The evidence page shows them, so a starting state is more than its
   * description.
   */
  private List<String> fixtureCommands(String name) {
    List<String> commands = new ArrayList<>();
    for (Optional<String> f = Optional.of(name); f.isPresent(); ) {
      DocTestConfig.Fixture fixture = config.fixtures().get(f.get());
      commands.addAll(0, fixture.commands().stream().map(this::asReadersSee).toList());
      f = fixture.parent();
    }
    return commands;
  }

  private String asReadersSee(String command) {
    String shown = command;
    for (Optional<String> secret : config.prompts().values()) {
      if (secret.isPresent()) {
        shown = shown.replace(secret.get(), "********");
      }
    }
    for (var placeholder : config.placeholders().entrySet()) {
      shown = shown.replace(placeholder.getValue(), placeholder.getKey());
    }
    return shown;
  }
}
