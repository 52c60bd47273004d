package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine is a general tool: its main code names no product and imports nothing of one, and only
 * its JUnit adapter knows JUnit.
 */
class EngineKnowsNoProductTest {
  private static final Path MAIN = Path.of("src/main").toAbsolutePath();
  private static final java.util.regex.Pattern JUNIT =
      java.util.regex.Pattern.compile("\\borg\\s*\\.\\s*junit\\b");

  private static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void mainCodeNamesNoProduct() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path f : files()) {
      String text = Files.readString(f).toLowerCase(Locale.ROOT);
      for (String name : List.of("spec-kitty", "speckitty", "spec kitty", "kitty")) {
        if (text.contains(name)) {
          found.add(MAIN.relativize(f) + " names " + name);
        }
      }
    }
    assertThat(files()).isNotEmpty();
    assertThat(found).isEmpty();
  }

  @Test
  void onlyTheJunitAdapterImportsJunit() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path f : files()) {
      boolean adapter = f.toString().contains("/dev/doctest/junit/");
      // Imports, static imports and fully qualified names alike.
      if (!adapter && JUNIT.matcher(Files.readString(f)).find()) {
        found.add(MAIN.relativize(f).toString());
      }
    }
    assertThat(found).isEmpty();
  }
}
