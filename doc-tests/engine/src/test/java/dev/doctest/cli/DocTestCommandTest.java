package dev.doctest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writers' loop on the engine's fixture docs, with the fake CLI and the fake world. */
class DocTestCommandTest {
  static final Path SOURCE = Path.of("src/test/resources/engine").toAbsolutePath();

  @TempDir Path temp;
  Path docs;

  record Run(int exitCode, String out) {}

  @BeforeEach
  void copyDocs() throws IOException {
    docs = temp.resolve("docs");
    try (Stream<Path> files = Files.walk(SOURCE.resolve("docs"))) {
      for (Path f : files.toList()) {
        Path target = docs.resolve(SOURCE.resolve("docs").relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  private Run doctest(String... args) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text, true);
    List<String> all =
        new ArrayList<>(
            List.of(
                "--docs", docs.toString(),
                "--tool", SOURCE.resolve("bin").toString(),
                "--reports", temp.resolve("reports").toString(),
                "--keep", temp.resolve("kept").toString(),
                "--readings", temp.resolve("readings").toString(),
                "--log", temp.resolve("doctest.log").toString()));
    all.addAll(List.of(args));
    int code = Main.commandLine(out, out).execute(all.toArray(String[]::new));
    return new Run(code, text.toString());
  }

  private String page(String relative) {
    return docs.resolve(relative).toString();
  }

  private void replace(String relative, String from, String to) throws IOException {
    Path p = docs.resolve(relative);
    String text = Files.readString(p);
    assertThat(text).contains(from);
    Files.writeString(p, text.replace(from, to));
  }

  private int lineOf(String relative, String text) throws IOException {
    List<String> lines = Files.readAllLines(docs.resolve(relative));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text);
  }

  @Test
  void aPagePassesWithOneLinePerStepAndItsSkippedBlocksWithTheirReason() {
    Run run = doctest(page("tutorials/basics.md"));

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("docs/tutorials/basics.md — Basics of fake-cli")
        .contains("  ✓ ", "Greet › fake-cli greet")
        .contains("skipped: shows the Windows spelling, which the doc-tests cannot run")
        .containsPattern("✓ 13 steps: 12 passed, 0 drifted, 0 failed, 1 skipped");
  }

  @Test
  void everyDriftShowsWithItsDiffAndTheRunExitsOne() throws IOException {
    replace("tutorials/basics.md", "```\nHello, world!\n```", "```\nHello!\n```");
    replace("tutorials/basics.md", "Created item 01JQ", "Made item 01JQ");

    Run run = doctest(page("tutorials/basics.md"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("output drifted (fake-cli greet)", "-Hello!", "+Hello, world!")
        .contains("output drifted (fake-cli id)")
        .contains("2 drifted")
        .doesNotContain("at dev.doctest", "Exception");
  }

  @Test
  void listShowsEachStepAndHowItRuns() {
    Run run = doctest("--list", page("tutorials/basics.md"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("starts from fixture greeted-twice: fake-cli has greeted twice")
        .contains("Verified by running `fake-cli fail 1`.")
        .contains(
            "A throwaway example: it ran on a copy of this page's state, undone before the next step.")
        .doesNotContain("✓");
  }

  /**
   * Checks {@code relative} once, so that its states are kept, and gives the line of the step whose
   * command starts with {@code command} (its fence). Kept states need confined steps.
   */
  private int keptOnce(String relative, String command) throws IOException {
    Assumptions.assumeTrue(dev.doctest.run.Confinement.detect().confined(), "needs bubblewrap");
    doctest(page(relative));
    return lineOf(relative, command) - 1;
  }

  /** {@code ./doctest --from LINE PAGE}. */
  private Run from(int line, String relative) {
    return doctest("--from", Integer.toString(line), page(relative));
  }

  @Test
  void fromStartsAPageAtAStepFromTheStateKeptBeforeIt() throws IOException {
    int line = keptOnce("tutorials/basics.md", "fake-cli id");

    Run run = from(line, "tutorials/basics.md");

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("Starting at line " + line + " from the state kept before it.")
        .contains("steps not run: the run started at a later step")
        .contains("fake-cli id")
        .contains("(none for a page that started at a later step)");
  }

  @Test
  void fromALineInsideABlockStartsAtItsStep() throws IOException {
    int line = keptOnce("tutorials/basics.md", "fake-cli id");

    Run run = from(line + 1, "tutorials/basics.md");

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .contains(
            "Line " + (line + 1) + " is in or just before the step at line " + line + ".",
            "Starting at line " + line + " from the state kept before it.");
  }

  /** A page whose file holds the world's URL, which a later step reads. */
  private static final String REMEMBERED_SERVER =
      """
      # A remembered server

      ```bash
      echo https://your-server.example.com > ~/server.txt
      ```

      ```bash
      fake-cli visit "$(cat ~/server.txt)"
      ```

      ```
      visit 1
      ```
      """;

  @Test
  void fromStartsTheWorldWhereTheFilesOfTheKeptStateSayItIs() throws IOException {
    Files.writeString(docs.resolve("tutorials/remembered.md"), REMEMBERED_SERVER);
    int line = keptOnce("tutorials/remembered.md", "fake-cli visit");

    Run run = from(line, "tutorials/remembered.md");

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .contains("Starting at line " + line + " from the state kept before it.")
        .contains("fake-cli visit")
        .doesNotContain("does not fit");
  }

  @Test
  void aKeptStateWhoseWorldCannotListenWhereItDidRunsThePageFromItsStart() throws IOException {
    Files.writeString(docs.resolve("tutorials/remembered.md"), REMEMBERED_SERVER);
    int line = keptOnce("tutorials/remembered.md", "fake-cli visit");
    int keptPort;
    try (Stream<Path> files = Files.walk(temp.resolve("kept"))) {
      java.util.Properties network = new java.util.Properties();
      network.load(
          Files.newInputStream(
              files.filter(f -> f.getFileName().toString().equals("network")).findFirst().get()));
      keptPort = Integer.parseInt(network.getProperty("port"));
    }

    Path report = temp.resolve("reports/tutorials/remembered.md.json");
    Files.delete(report);
    Run run;
    try (java.net.ServerSocket taken = holdPort(keptPort)) {
      run = from(line, "tutorials/remembered.md");
    }

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .containsPattern(
            "The state kept before line "
                + line
                + " does not fit this run \\(its files hold http://127\\.0\\.0\\.1:"
                + keptPort
                + " \\(\\$\\{server\\.url}\\), now http://127\\.0\\.0\\.1:\\d+\\): running the"
                + " page from its start\\.")
        .contains("echo https://your-server.example.com > ~/server.txt")
        .doesNotContain("none for a page that started at a later step");
    assertThat(report).as("the page ran whole: its report is written").isRegularFile();
  }

  /**
   * Listens on {@code port}: at once, or as soon as the world that listened there last has let it
   * go (closing a server releases its port a moment after it returns).
   */
  private static java.net.ServerSocket holdPort(int port) throws IOException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        return new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress());
      } catch (java.net.BindException stillClosing) {
        if (System.nanoTime() > deadline) {
          throw stillClosing;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw stillClosing;
        }
      }
    }
  }

  @Test
  void fromInsideThrowawayExamplesStartsAtTheFirstOfThem() throws IOException {
    Files.writeString(
        docs.resolve("tutorials/examples.md"),
        """
        # Throwaway examples

        ```bash
        echo good > ~/setting.txt
        ```

        <!-- doctest: isolated -->
        ```bash
        echo broken > ~/setting.txt
        ```

        <!-- doctest: isolated -->
        ```bash
        cat ~/setting.txt
        ```

        ```
        broken
        ```

        ```bash
        cat ~/setting.txt
        ```

        ```
        good
        ```
        """);
    int first = keptOnce("tutorials/examples.md", "echo broken");
    int second = first + 5;

    Run run = from(second, "tutorials/examples.md");

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out())
        .contains(
            "The step at line "
                + second
                + " is one of the throwaway examples that start at line "
                + first
                + " (the page goes back to the state before them).",
            "Starting at line " + first + " from the state kept before it.");
  }

  @Test
  void fromAfterAFileBeforeItBecameAThrowawayExampleRunsTheWholePage() throws IOException {
    int line = keptOnce("tutorials/basics.md", "fake-cli id");
    replace(
        "tutorials/basics.md",
        "```toml\n# ~/.fake-cli.toml",
        "<!-- doctest: file isolated -->\n```toml\n# ~/.fake-cli.toml");

    Run run = from(line + 1, "tutorials/basics.md");

    assertThat(run.out()).contains("No state kept before line " + (line + 1));
    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
  }

  @Test
  void fromAfterAStepThatDriftedRunsTheWholePageAndShowsTheDrift() throws IOException {
    replace("tutorials/basics.md", "/Users/you/project\nhi\n", "/Users/you/project\nho\n");
    int line = keptOnce("tutorials/basics.md", "fake-cli id");

    Run run = from(line, "tutorials/basics.md");

    assertThat(run.out())
        .contains("No state kept before line " + line)
        .contains("output drifted (pwd && echo \"$GREETING\")");
    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
  }

  @Test
  void fromAfterTheStepsBeforeItChangedRunsTheWholePage() throws IOException {
    Assumptions.assumeTrue(dev.doctest.run.Confinement.detect().confined(), "needs bubblewrap");
    doctest(page("tutorials/basics.md"));
    replace("tutorials/basics.md", "export GREETING=hi", "export GREETING=ho");
    replace("tutorials/basics.md", "/Users/you/project\nhi\n", "/Users/you/project\nho\n");
    int line = lineOf("tutorials/basics.md", "fake-cli id") - 1;

    Run run = from(line, "tutorials/basics.md");

    assertThat(run.out()).contains("No state kept before line " + line);
    assertThat(run.exitCode()).as(run.out()).isZero();
  }

  @Test
  void aContinuingPageStartsFromTheKeptEndOfThePageItContinues() {
    Assumptions.assumeTrue(dev.doctest.run.Confinement.detect().confined(), "needs bubblewrap");
    Run first = doctest(page("tutorials/counter-again.md"));
    Run second = doctest(page("tutorials/counter-again.md"));

    assertThat(first.out())
        .contains("docs/tutorials/counter.md ran first, as the page continues it");
    assertThat(second.exitCode()).as(second.out()).isZero();
    assertThat(second.out())
        .contains(
            "docs/tutorials/counter.md: its end state was kept from an earlier run (not run again)");
  }

  @Test
  void anOptionTheLauncherAlreadyGaveIsTheWritersToOverride() throws IOException {
    Path elsewhere = temp.resolve("elsewhere");
    Run run = doctest("--reports", elsewhere.toString(), page("tutorials/basics.md"));

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(elsewhere.resolve("tutorials/basics.md.json")).exists();
  }

  @Test
  void twoPagesThatStartAlikeKeepTheirStatesAtOnce() throws IOException {
    Assumptions.assumeTrue(dev.doctest.run.Confinement.detect().confined(), "needs bubblewrap");
    for (String name : List.of("how-to/alike-a.md", "how-to/alike-b.md")) {
      Files.writeString(
          docs.resolve(name),
          "# Alike\n\n<!-- doctest-document: fixture=greeted -->\n\n```bash\ntest -f ~/.greeted\n```\n");
    }
    for (int i = 0; i < 3; i++) {
      Run run = doctest(page("how-to/alike-a.md"), page("how-to/alike-b.md"));

      assertThat(run.exitCode()).as(run.out()).isZero();
    }
  }

  @Test
  void aPageOutsideTheDocsFolderIsRefusedAndNothingIsWrittenBesideIt() throws IOException {
    Path outside = temp.resolve("elsewhere/page.md");
    Files.createDirectories(outside.getParent());
    Files.writeString(outside, "# Elsewhere\n\n```bash\ntrue\n```\n");

    Run run = doctest(outside.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains(outside + " is not in the docs folder");
    try (var files = Files.list(outside.getParent())) {
      assertThat(files).containsExactly(outside);
    }
  }

  @Test
  void anEngineFailureDuringAPageIsAnInternalErrorWithItsDetailsInTheLog() throws IOException {
    replace(
        "tutorials/counter.md",
        "```bash\necho one",
        "<!-- doctest: command scenario=broken -->\n```bash\necho one");

    Run run = doctest(page("tutorials/counter.md"));

    assertThat(run.exitCode()).isEqualTo(70);
    assertThat(run.out())
        .contains("Internal error")
        .contains("the fake world broke on purpose")
        .contains(temp.resolve("doctest.log").toString());
    assertThat(Files.readString(temp.resolve("doctest.log")))
        .contains("IllegalStateException: the fake world broke on purpose")
        .contains("at dev.doctest.");
  }

  @Test
  void fromNeedsExactlyOnePage() {
    Run run = doctest("--from", "3", page("tutorials/basics.md"), page("tutorials/slow.md"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("--from needs exactly one page");
  }

  @Test
  void aPageThatDoesNotParseSaysWhereAndExitsTwo() throws IOException {
    replace("tutorials/basics.md", "<!-- doctest: exit=3 -->", "<!-- doctest: exitcode=3 -->");

    Run run = doctest(page("tutorials/basics.md"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .contains("❌ docs/tutorials/basics.md:")
        .contains("unknown annotation 'exitcode'")
        .contains("✗ 0 steps")
        .contains("Pages that do not parse (above) did not run.")
        .doesNotContain("✓ 0 steps");
  }
}
