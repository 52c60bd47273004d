package dev.speckitty.doctest.report;

import dev.speckitty.doctest.config.DocTestConfig;
import dev.speckitty.doctest.model.DocTestException;
import dev.speckitty.doctest.model.DocumentSpec;
import dev.speckitty.doctest.model.Expected;
import dev.speckitty.doctest.model.Step;
import dev.speckitty.doctest.parse.DocumentParser;
import dev.speckitty.doctest.run.DocumentResult;
import dev.speckitty.doctest.run.RunSettings;
import dev.speckitty.doctest.run.StepResult;
import dev.speckitty.doctest.run.TutorialRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The docs as JUnit 5 dynamic tests: a container per document, a test per step named {@code
 * file:line heading › command} (Surefire keeps only the test's own name, so the location is in it).
 * Documents run in parallel, each in its own sandbox; reports are written as each finishes.
 */
public final class DocTestSuite {
  private final DocTestConfig config;
  private final TutorialRunner runner;
  private final DocumentParser parser;
  private final Path reportDir;
  private final String cliVersion;
  private final boolean update;
  private final int parallelism;

  public DocTestSuite(
      DocTestConfig config,
      RunSettings settings,
      Path reportDir,
      String cliVersion,
      boolean update,
      int parallelism) {
    this.config = config;
    this.runner = new TutorialRunner(config, settings, update);
    this.parser = new DocumentParser(config);
    this.reportDir = reportDir;
    this.cliVersion = cliVersion;
    this.update = update;
    this.parallelism = Math.max(1, parallelism);
  }

  /** The executable documents under the config's run folders, sorted. */
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

  public Stream<DynamicNode> tests(List<Path> documents) {
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    Map<Path, CompletableFuture<DocumentResult>> runs = new LinkedHashMap<>();
    Map<Path, Object> parsed = new LinkedHashMap<>();
    for (Path doc : documents) {
      try {
        DocumentSpec spec = parser.parse(doc);
        parsed.put(doc, spec);
        runs.put(doc, CompletableFuture.supplyAsync(() -> runAndReport(spec), pool));
      } catch (DocTestException e) {
        parsed.put(doc, e);
      }
    }
    pool.shutdown();
    return documents.stream().map(doc -> container(doc, parsed.get(doc), runs.get(doc)));
  }

  private DocumentResult runAndReport(DocumentSpec spec) {
    DocumentResult result = runner.run(spec);
    JsonReport.write(result, config.root(), reportDir, cliVersion);
    if (update) {
      List<DocUpdater.Update> updates = new ArrayList<>();
      for (StepResult r : result.steps()) {
        if (r.update().isPresent()) {
          Expected e =
              r.step() instanceof Step.Interactive i
                  ? i.transcript()
                  : ((Step.Command) r.step()).expected().orElseThrow();
          updates.add(new DocUpdater.Update(e.location(), r.update().get()));
        }
      }
      if (!updates.isEmpty()) {
        DocUpdater.apply(spec.file(), updates).forEach(System.out::println);
      }
    }
    return result;
  }

  private DynamicNode container(Path doc, Object parsed, CompletableFuture<DocumentResult> run) {
    String name = new dev.speckitty.doctest.model.Location(doc, 1).path();
    if (parsed instanceof DocTestException e) {
      return DynamicTest.dynamicTest(
          name + " (does not parse)", doc.toUri(), () -> Assertions.fail(e.getMessage()));
    }
    DocumentSpec spec = (DocumentSpec) parsed;
    String title = name + " (" + spec.blocksRun() + "/" + spec.blocks() + " blocks run)";
    Stream<DynamicNode> children = Stream.of(spec).flatMap(s -> steps(run.join()));
    return DynamicContainer.dynamicContainer(title, doc.toUri(), children);
  }

  private Stream<DynamicNode> steps(DocumentResult result) {
    List<DynamicNode> tests = new ArrayList<>();
    for (StepResult r : result.steps()) {
      Step s = r.step();
      String name = s.location() + " " + s.heading() + " › " + s.label();
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                if (r.status() == StepResult.Status.FAILED) {
                  if (update && r.update().isPresent()) {
                    System.out.println("updated " + s.location() + " in update mode");
                    return;
                  }
                  Assertions.fail(r.message());
                }
                if (r.status() == StepResult.Status.SKIPPED) {
                  Assumptions.abort(r.message());
                }
              }));
    }
    tests.add(
        DynamicTest.dynamicTest(
            new dev.speckitty.doctest.model.Location(result.spec().file(), 1)
                + " API requests match the contract",
            () ->
                Assertions.assertTrue(
                    result.contractViolations().isEmpty(),
                    () -> String.join("\n", result.contractViolations()))));
    return tests.stream();
  }
}
