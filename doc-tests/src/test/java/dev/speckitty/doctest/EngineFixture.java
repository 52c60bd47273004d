package dev.speckitty.doctest;

import dev.speckitty.doctest.config.DocTestConfig;
import dev.speckitty.doctest.model.DocumentSpec;
import dev.speckitty.doctest.model.Location;
import dev.speckitty.doctest.parse.DocumentParser;
import dev.speckitty.doctest.run.DocumentResult;
import dev.speckitty.doctest.run.RunSettings;
import dev.speckitty.doctest.run.StepResult;
import dev.speckitty.doctest.run.TutorialRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The engine's fixture docs set ({@code src/test/resources/engine}), copied to a temporary folder
 * so a test can mutate a document and run it with the fake CLI {@code kitty-fake}.
 */
final class EngineFixture {
  static final Path SOURCE = Path.of("src/test/resources/engine").toAbsolutePath();
  static final Path BIN = SOURCE.resolve("bin");

  final Path docs;

  EngineFixture(Path tempDir) {
    docs = tempDir.resolve("docs");
    copy(SOURCE.resolve("docs"), docs);
    Location.relativeTo(tempDir);
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  DocumentSpec parse(String relative) {
    return new DocumentParser(config()).parse(doc(relative));
  }

  DocumentResult run(String relative) {
    return run(relative, Map.of("JAVA_HOME", System.getProperty("java.home")));
  }

  DocumentResult run(String relative, Map<String, String> outerEnv) {
    TutorialRunner runner =
        new TutorialRunner(config(), new RunSettings(BIN, outerEnv, Optional.empty()));
    return runner.run(parse(relative));
  }

  /** The first failed step's message, or a description of why there is none. */
  static String firstFailure(DocumentResult result) {
    return result.steps().stream()
        .filter(s -> s.status() == StepResult.Status.FAILED)
        .map(StepResult::message)
        .findFirst()
        .orElse("(no failure)");
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
