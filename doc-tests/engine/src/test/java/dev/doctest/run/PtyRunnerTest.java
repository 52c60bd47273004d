package dev.doctest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command on a pseudo-terminal, answered at its prompts, and what it leaves behind. */
class PtyRunnerTest {
  @TempDir Path tool;

  @Test
  void aTerminalStepLeavesNoTerminalOpen() throws Exception {
    long before = openTerminals();
    try (Workspace workspace =
        new Workspace(
            new RunSettings(tool, Map.of()),
            Confinement.detect(),
            dev.doctest.model.RuntimeVariables.CHECKED)) {
      PtyRunner runner = new PtyRunner(workspace);

      for (int i = 0; i < 3; i++) {
        Outcome outcome =
            runner.run(
                "printf 'Username: '; read name; echo \"hello $name\"",
                List.of(new PtyRunner.Answer("Username: ", "kitty")),
                Duration.ofSeconds(20));
        assertThat(outcome.output()).contains("hello kitty");
      }
    }

    assertThat(openTerminals()).isEqualTo(before);
  }

  /** This process's open pseudo-terminals (Linux names them /dev/ptmx). */
  private static long openTerminals() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(PtyRunnerTest::isTerminal).count();
    }
  }

  private static boolean isTerminal(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString().equals("/dev/ptmx");
    } catch (IOException closedMeanwhile) {
      return false;
    }
  }
}
