package dev.speckitty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.DocTests;
import dev.doctest.run.DocumentResult;
import dev.doctest.run.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A one-character change to the server tutorial's expected output fails the doc-tests there. */
class DocsDriftTest {
  @TempDir Path temp;

  @Test
  void oneChangedCharacterInTheServerTutorialFailsAtThatLine() throws IOException {
    Path copy = temp.resolve("docs");
    try (Stream<Path> files = Files.walk(Docs.ROOT)) {
      for (Path f : files.toList()) {
        Path target = copy.resolve(Docs.ROOT.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    Path tutorial = copy.resolve("tutorials/server-connection.md");
    String text = Files.readString(tutorial);
    Files.writeString(
        tutorial, text.replace("↑ Pushed 48 events (1 batch)", "↑ Pushed 49 events (1 batch)"));
    List<String> lines = Files.readAllLines(tutorial);
    int changed = lines.indexOf("↑ Pushed 49 events (1 batch)") + 1;

    DocumentResult result;
    try (DocTests engine = Docs.engine(copy, temp.resolve("reports"), false)) {
      result =
          engine
              .start(engine.plan(List.of(tutorial)), r -> {})
              .get(tutorial.toAbsolutePath().normalize())
              .join();
    }

    StepResult failed =
        result.steps().stream().filter(StepResult::failed).findFirst().orElseThrow();
    int outputBlock = changed - 2;
    assertThat(failed.message())
        .startsWith(
            "docs/tutorials/server-connection.md:"
                + outputBlock
                + ": output drifted (spec-kitty sync now)")
        .contains("-↑ Pushed 49 events (1 batch)", "+↑ Pushed 48 events (1 batch)");
  }
}
