package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.model.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code console} and {@code shell-session} transcripts run in place, command by command. */
class TranscriptTest {
  private static final String PAGE = "tutorials/transcript.md";

  @TempDir Path temp;

  @Test
  void eachDollarLineIsACommandWithTheLinesBelowItAsItsOutput() {
    EngineFixture f = new EngineFixture(temp);

    var steps = f.parse(PAGE).steps();

    assertThat(steps).hasSize(4).allMatch(s -> s instanceof Step.Command);
    assertThat(steps)
        .extracting(s -> ((Step.Command) s).script())
        .containsExactly(
            "fake-cli greet",
            "fake-cli greet --loud",
            "mkdir -p notes",
            "fake-cli greet \\\nReader");
    assertThat(((Step.Command) steps.get(2)).expected().orElseThrow().text()).isEmpty();
    assertThat(steps.get(1).location().line()).isEqualTo(f.lineOf(PAGE, "$ fake-cli greet --loud"));
    assertThat(steps.get(0).shown()).extracting(Step.Shown::role).containsExactly("transcript");
    assertThat(steps.get(1).shown()).isEmpty();
  }

  @Test
  void aTranscriptRunsAsWritten() {
    EngineFixture.assertPassed(new EngineFixture(temp).run(PAGE));
  }

  @Test
  void aDriftIsReportedAtItsCommandAndUpdatedInPlace() throws Exception {
    EngineFixture f = new EngineFixture(temp).mutate(PAGE, "HELLO, WORLD!", "HELLO!");
    String original = Files.readString(new EngineFixture(temp.resolve("x")).doc(PAGE));

    assertThat(EngineFixture.firstFailure(f.run(PAGE)))
        .startsWith(
            "docs/" + PAGE + ":" + f.lineOf(PAGE, "$ fake-cli greet --loud") + ": output drifted");

    f.updating().run(PAGE);
    assertThat(Files.readString(f.doc(PAGE))).isEqualTo(original);
  }
}
