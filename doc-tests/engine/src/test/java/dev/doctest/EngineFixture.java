package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.config.DocTestConfig;
import dev.doctest.model.DocumentSpec;
import dev.doctest.parse.AsciiDoc;
import dev.doctest.parse.DocumentParser;
import dev.doctest.run.Confinement;
import dev.doctest.run.DocumentResult;
import dev.doctest.run.FileTrees;
import dev.doctest.run.RunSettings;
import dev.doctest.run.StepResult;
import dev.doctest.world.WorldState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's fixture docs set ({@code src/test/resources/engine}), copied to a temporary folder
 * so a test can mutate a document and run it with the fake CLI {@code fake-cli} in a {@link
 * FakeWorld}.
 */
final class EngineFixture {
  static final Path SOURCE = Path.of("src/test/resources/engine").toAbsolutePath();
  static final Path BIN = SOURCE.resolve("bin");

  /** One Asciidoctor for all tests: it takes seconds to create. */
  static final AsciiDoc ASCIIDOC = new AsciiDoc();

  /** How steps run in these tests: confined where bubblewrap works, as in a real run. */
  static final Confinement CONFINEMENT = Confinement.detect();

  final Path docs;
  final FakeWorld world = new FakeWorld();
  Confinement confinement = CONFINEMENT;
  Path reports;
  boolean update;

  EngineFixture(Path tempDir) {
    docs = tempDir.resolve("docs");
    reports = tempDir.resolve("reports");
    FileTrees.copy(SOURCE.resolve("docs"), docs);
  }

  /** The same fixture in update mode: drifted output is written back into the pages. */
  EngineFixture updating() {
    update = true;
    return this;
  }

  /** The same fixture, its steps run as plain processes. */
  EngineFixture unconfined() {
    confinement = Confinement.none("a test of the fallback");
    return this;
  }

  Path doc(String relative) {
    return docs.resolve(relative);
  }

  /** Replaces {@code from} with {@code to} in a document (exactly once). */
  EngineFixture mutate(String relative, String from, String to) {
    try {
      String text = Files.readString(doc(relative));
      if (!text.contains(from)) {
        throw new IllegalArgumentException(relative + " does not contain " + from);
      }
      Files.writeString(
          doc(relative),
          text.replaceFirst(
              java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  DocTestConfig config() {
    return DocTestConfig.load(docs);
  }

  DocumentParser parser() {
    return new DocumentParser(
        config(), world.states().stream().map(WorldState::name).toList(), ASCIIDOC);
  }

  DocumentSpec parse(String relative) {
    return parser().parse(doc(relative));
  }

  DocTests engine(Map<String, String> outerEnv) {
    return new DocTests(
        config(),
        new RunSettings(BIN, outerEnv),
        world,
        confinement,
        new DocTests.Options(reports, "0.0.0-test", update, 2));
  }

  /** Runs one page (and the pages it continues); its result. */
  DocumentResult run(String relative) {
    return run(relative, Map.of("JAVA_HOME", System.getProperty("java.home")));
  }

  DocumentResult run(String relative, Map<String, String> outerEnv) {
    return runAll(List.of(relative), outerEnv).get(doc(relative).toAbsolutePath().normalize());
  }

  /** Runs pages (and the pages they continue); every page's result. */
  Map<Path, DocumentResult> runAll(List<String> relative, Map<String, String> outerEnv) {
    DocTests engine = engine(outerEnv);
    Map<Path, CompletableFuture<DocumentResult>> runs =
        engine.start(engine.plan(relative.stream().map(this::doc).toList()), r -> {});
    Map<Path, DocumentResult> results = new java.util.LinkedHashMap<>();
    runs.forEach((page, future) -> results.put(page, future.join()));
    return results;
  }

  /** Checks that {@code result} passed, naming its first failure if not: the same result. */
  static DocumentResult assertPassed(DocumentResult result) {
    assertThat(result.passed()).as(firstFailure(result)).isTrue();
    return result;
  }

  /** The first failed step's message, or a description of why there is none. */
  static String firstFailure(DocumentResult result) {
    return result.steps().stream()
        .filter(StepResult::failed)
        .map(StepResult::message)
        .findFirst()
        .orElse(
            result.worldProblems().isEmpty()
                ? "(no failure)"
                : String.join("\n", result.worldProblems()));
  }

  /** The 1-based line of the first line of {@code relative} containing {@code text}. */
  int lineOf(String relative, String text) {
    try {
      var lines = Files.readAllLines(doc(relative));
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(text)) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException(text + " not in " + relative);
  }
}
