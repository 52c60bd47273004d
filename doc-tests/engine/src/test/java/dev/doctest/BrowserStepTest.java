package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.model.Step;
import dev.doctest.run.Browser;
import dev.doctest.run.DocumentResult;
import dev.doctest.run.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browser steps check what a reader sees in headless Chromium, and keep screenshots true. */
class BrowserStepTest {
  private static final String PAGE = "how-to/board.md";

  @TempDir Path temp;

  @BeforeEach
  void needsABrowser() {
    Assumptions.assumeTrue(Browser.detect().isPresent(), Browser.MISSING);
  }

  @Test
  void aBrowserStepIsParsedFromItsAnnotation() {
    var steps = new EngineFixture(temp).parse(PAGE).steps();

    assertThat(steps).hasSize(2).allMatch(s -> s instanceof Step.Browse);
    Step.Browse first = (Step.Browse) steps.get(0);
    assertThat(first.see()).containsExactly("Fake board");
    assertThat(first.counts()).containsExactly(new Step.Browse.Count("#done .card", 2));
    assertThat(((Step.Browse) steps.get(1)).screenshot()).contains("images/board.png");
  }

  @Test
  void aNewScreenshotIsADriftAndUpdateModeWritesItIntoTheDocs() {
    EngineFixture f = new EngineFixture(temp);

    DocumentResult first = f.run(PAGE);
    assertThat(EngineFixture.firstFailure(first))
        .startsWith(
            "docs/"
                + PAGE
                + ":"
                + (f.lineOf(PAGE, "screenshot=")
                    + ": the image images/board.png is not in the docs yet"));
    assertThat(first.steps().get(0).status()).isEqualTo(StepResult.Status.PASSED);

    f.updating().run(PAGE);
    assertThat(f.doc("how-to/images/board.png")).exists();

    f.update = false;
    DocumentResult again = f.run(PAGE);
    EngineFixture.assertPassed(again);
    assertThat(f.reports.resolve("images/how-to/images/board.png")).exists();
  }

  @Test
  void aChangedImageIsReportedLikeDriftedOutput() throws Exception {
    EngineFixture f = new EngineFixture(temp);
    f.updating().run(PAGE);
    f.update = false;
    Path image = f.doc("how-to/images/board.png");
    java.awt.image.BufferedImage blank =
        new java.awt.image.BufferedImage(
            javax.imageio.ImageIO.read(image.toFile()).getWidth(),
            javax.imageio.ImageIO.read(image.toFile()).getHeight(),
            java.awt.image.BufferedImage.TYPE_INT_RGB);
    javax.imageio.ImageIO.write(blank, "png", image.toFile());

    assertThat(EngineFixture.firstFailure(f.run(PAGE)))
        .contains("the image images/board.png drifted:", "% of its pixels differ");
  }

  @Test
  void whatAReaderDoesNotSeeFailsAtItsLineWithTheBrowsersScreenshot() {
    EngineFixture f =
        new EngineFixture(temp).mutate(PAGE, "count=\"#done .card=2\"", "count=\"#done .card=3\"");

    DocumentResult result = f.run(PAGE);

    String failure = EngineFixture.firstFailure(result);
    assertThat(failure)
        .startsWith(
            "docs/"
                + PAGE
                + ":"
                + f.lineOf(PAGE, "count=")
                + ": in the browser at https://your-server.example.com/board: 2 × #done .card on the page, the page says 3");
    Path shot =
        Path.of(failure.substring(failure.indexOf("What the browser showed: ") + 25).strip());
    assertThat(shot).exists();
    assertThat(Files.isRegularFile(shot)).isTrue();
  }

  @Test
  void aTextIsSeenAsWordsOfItsOwnNotInsideLongerOnes() {
    EngineFixture f =
        new EngineFixture(temp).mutate(PAGE, "see=\"Fake board\"", "see=\"ake board\"");

    assertThat(EngineFixture.firstFailure(f.run(PAGE))).contains("“ake board” is not on the page");
  }

  @Test
  void noneOfAMistypedSelectorProvesNothingAndFails() {
    EngineFixture f =
        new EngineFixture(temp)
            .mutate(
                PAGE, "count=\"#done .card=2\"", "count=\"#done .card=2\" count=\"#done .crad=0\"");

    assertThat(EngineFixture.firstFailure(f.run(PAGE)))
        .contains("nothing on the page is .crad, so “0 × #done .crad” proves nothing");
  }

  @Test
  void aBrowserStepOpensThePageThroughThePlaceholderOfTheRunsServer() {
    for (String url :
        java.util.List.of(
            "http://203.0.113.9/board",
            "http://127.0.0.1:8799/board",
            "https://your-server.example.com@localhost:8799/board",
            "https://your-server.example.com.evil/board")) {
      EngineFixture f =
          new EngineFixture(temp.resolve(Integer.toString(url.hashCode())))
              .mutate(PAGE, "open=https://your-server.example.com/board", "open=" + url);

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.parse(PAGE))
          .as(url)
          .hasMessageStartingWith("docs/" + PAGE + ":" + f.lineOf(PAGE, "open=" + url))
          .hasMessageContaining("written with the placeholder that stands for it");
    }
  }

  @Test
  void aBrowserStepOpensAWebAddress() {
    EngineFixture f =
        new EngineFixture(temp)
            .mutate(
                PAGE,
                "open=https://your-server.example.com/board",
                "open=data:text/html,<p>Fake&#32;board</p>");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.parse(PAGE))
        .hasMessageContaining("written with the placeholder that stands for it");
  }

  @Test
  void aScreenshotThePageDoesNotShowIsRefused() {
    EngineFixture f =
        new EngineFixture(temp)
            .mutate(PAGE, "![The done column with its two cards](images/board.png)", "");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.parse(PAGE))
        .hasMessageContaining("the screenshot images/board.png is not shown on the page");
  }
}
