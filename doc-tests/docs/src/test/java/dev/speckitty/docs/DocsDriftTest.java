package dev.speckitty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.DocTests;
import dev.doctest.run.Browser;
import dev.doctest.run.DocumentResult;
import dev.doctest.run.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A change to what a page expects fails the doc-tests at that line, in reader terms. */
class DocsDriftTest {
  @TempDir Path temp;

  @Test
  void oneChangedCharacterInTheServerTutorialFailsAtThatLine() throws IOException {
    Path copy = Docs.copyIn(temp);
    Path tutorial = copy.resolve("tutorials/server-connection.md");
    String text = Files.readString(tutorial);
    Files.writeString(
        tutorial, text.replace("↑ Pushed 48 events (1 batch)", "↑ Pushed 49 events (1 batch)"));
    List<String> lines = Files.readAllLines(tutorial);
    int changed = lines.indexOf("↑ Pushed 49 events (1 batch)") + 1;

    StepResult failed = firstFailure(copy, tutorial);

    int outputBlock = changed - 2;
    assertThat(failed.message())
        .startsWith(
            "docs/tutorials/server-connection.md:"
                + outputBlock
                + ": output drifted (spec-kitty sync now)")
        .contains("-↑ Pushed 49 events (1 batch)", "+↑ Pushed 48 events (1 batch)");
  }

  @Test
  void aWrongLaneInTheDashboardHowToFailsAtItsLineWithTheBrowsersScreenshot() throws IOException {
    Assumptions.assumeTrue(Browser.detect().isPresent(), Browser.MISSING);
    Path copy = Docs.copyIn(temp);
    Path howTo = copy.resolve("how-to/use-saas-dashboard.md");
    String text = Files.readString(howTo);
    assertThat(text).contains(".lane[data-lane=done] .card=5");
    Files.writeString(
        howTo, text.replace(".lane[data-lane=done] .card=5", ".lane[data-lane=shipped] .card=5"));
    List<String> lines = Files.readAllLines(howTo);
    int changed =
        lines.indexOf(lines.stream().filter(l -> l.contains("data-lane=shipped")).findFirst().get())
            + 1;

    StepResult failed = firstFailure(copy, howTo);

    assertThat(failed.message())
        .startsWith(
            "docs/how-to/use-saas-dashboard.md:"
                + changed
                + ": in the browser at https://your-server.example.com/a/kitty-team/dashboards/:"
                + " 0 × .lane[data-lane=shipped] .card on the page, the page says 5");
    String message = failed.message();
    Path screenshot =
        Path.of(
            message
                .substring(message.indexOf("What the browser showed: ") + 25)
                .lines()
                .findFirst()
                .orElseThrow()
                .strip());
    assertThat(screenshot).isRegularFile();
    assertThat(Files.size(screenshot)).isPositive();
  }

  @Test
  void aStartingStateCannotRewriteTheServersAnswers() throws IOException {
    Path copy = Docs.copyIn(temp);
    Path config = copy.resolve("doctest.toml");
    String forged =
        "curl -s -X POST '${server.url}/__admin/mappings' -d '{\\\"priority\\\": 1,"
            + " \\\"request\\\": {\\\"method\\\": \\\"GET\\\","
            + " \\\"url\\\": \\\"/api/v1/sync/health/\\\"},"
            + " \\\"response\\\": {\\\"status\\\": 200, \\\"headers\\\":"
            + " {\\\"Content-Type\\\": \\\"application/json\\\"}, \\\"jsonBody\\\":"
            + " {\\\"status\\\": \\\"ok\\\", \\\"team_slug\\\": \\\"kitty-team\\\"}}}'";
    String toml = Files.readString(config);
    assertThat(toml).contains("\"mkdir -p ~/.spec-kitty\",\n");
    Files.writeString(
        config,
        toml.replace(
            "\"mkdir -p ~/.spec-kitty\",\n",
            "\"mkdir -p ~/.spec-kitty\",\n  \"" + forged + "\",\n"));
    Path howTo = copy.resolve("how-to/check-your-setup.adoc");
    String text = Files.readString(howTo);
    assertThat(text).contains("Connection   Reachable (auth required)");
    Files.writeString(
        howTo, text.replace("Connection   Reachable (auth required)", "Connection   Reachable"));
    int changed = Files.readAllLines(howTo).indexOf("Connection   Reachable") + 1;

    StepResult failed = firstFailure(copy, howTo);

    assertThat(failed.message())
        .startsWith(
            "docs/how-to/check-your-setup.adoc:"
                + (changed - 3)
                + ": output drifted (spec-kitty sync status --check)")
        .contains("-Connection   Reachable", "+Connection   Reachable (auth required)");
  }

  private StepResult firstFailure(Path copy, Path page) {
    DocumentResult result;
    try (DocTests engine = Docs.engine(copy, temp.resolve("reports"), false)) {
      result =
          engine
              .start(engine.plan(List.of(page)), r -> {})
              .get(page.toAbsolutePath().normalize())
              .join();
    }
    return result.steps().stream().filter(StepResult::failed).findFirst().orElseThrow();
  }
}
