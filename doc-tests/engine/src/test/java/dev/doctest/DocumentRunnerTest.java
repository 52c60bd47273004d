package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.run.DocumentResult;
import dev.doctest.run.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine runs the fixture docs with the fake CLI; each mutation makes it fail at file:line. */
class DocumentRunnerTest {
  @TempDir Path temp;

  private EngineFixture fixture() {
    return new EngineFixture(temp);
  }

  @ParameterizedTest(name = "{0} passes")
  @ValueSource(strings = {"tutorials/basics.md", "tutorials/basics.adoc", "tutorials/continued.md"})
  void fixtureDocsPass(String doc) {
    DocumentResult result = fixture().run(doc);

    EngineFixture.assertPassed(result);
    assertThat(result.steps())
        .filteredOn(s -> s.status() == StepResult.Status.SKIPPED)
        .allSatisfy(s -> assertThat(s.message()).startsWith("illustrative"));
  }

  @Test
  void changedOutputWordFailsAtTheOutputBlock() {
    EngineFixture f =
        fixture()
            .mutate("tutorials/basics.md", "```\nHello, world!\n```", "```\nHello, World!\n```");

    String failure = EngineFixture.firstFailure(f.run("tutorials/basics.md"));

    int line = f.lineOf("tutorials/basics.md", "Hello, World!") - 1;
    assertThat(failure)
        .startsWith("docs/tutorials/basics.md:" + line + ": output drifted (fake-cli greet)")
        .contains("-Hello, World!", "+Hello, world!");
  }

  @Test
  void extraExpectedLineFails() {
    EngineFixture f =
        fixture()
            .mutate(
                "tutorials/basics.md",
                "/Users/you/project\nhi\n",
                "/Users/you/project\nhi\nthere\n");

    assertThat(EngineFixture.firstFailure(f.run("tutorials/basics.md")))
        .contains(": output drifted (pwd && echo \"$GREETING\")")
        .contains("-there");
  }

  @Test
  void changedFlagFailsWithTheExitCode() {
    EngineFixture f =
        fixture().mutate("tutorials/basics.md", "mkdir -p project", "mkdir --bogus project");

    String failure = EngineFixture.firstFailure(f.run("tutorials/basics.md"));

    int line = f.lineOf("tutorials/basics.md", "mkdir --bogus project") - 1;
    assertThat(failure)
        .startsWith(
            "docs/tutorials/basics.md:" + line + ": exit code 1, expected 0: mkdir --bogus project")
        .contains("unrecognized option");
  }

  @Test
  void wrongExpectedExitCodeFails() {
    EngineFixture f =
        fixture()
            .mutate("tutorials/basics.md", "<!-- doctest: exit=3 -->", "<!-- doctest: exit=4 -->");

    assertThat(EngineFixture.firstFailure(f.run("tutorials/basics.md")))
        .contains(": exit code 3, expected 4: fake-cli fail 3");
  }

  @Test
  void promptThatNeverComesFails() {
    EngineFixture f = fixture().mutate("tutorials/basics.md", "fake-cli login", "fake-cli greet");

    assertThat(EngineFixture.firstFailure(f.run("tutorials/basics.md")))
        .contains(": the command ended before the prompt 'Username: ' appeared");
  }

  @Test
  void aCommandWaitingAtAnotherPromptFailsAtOnceShowingThePlainScreen() {
    EngineFixture f =
        fixture()
            .mutate(
                "tutorials/basics.md",
                "```bash\nfake-cli login",
                "```bash {timeout=40}\nfake-cli signin");

    String failure = EngineFixture.firstFailure(f.run("tutorials/basics.md"));

    assertThat(failure)
        .contains(
            ": the command waits for input at 'Login:', but the page expects the prompt 'Username: '",
            "   | Login:")
        .doesNotContain("\u001B", "timed out");
  }

  @Test
  void missingFileFailsWhereItIsRead() {
    EngineFixture f =
        fixture()
            .mutate(
                "tutorials/basics.md",
                "```toml\n# ~/.fake-cli.toml\nserver = \"https://your-server.example.com\"\n```",
                "");

    String failure = EngineFixture.firstFailure(f.run("tutorials/basics.md"));

    assertThat(failure)
        .contains(": exit code 1, expected 0: cat ~/.fake-cli.toml")
        .contains("No such file");
  }

  @Test
  void hangingCommandTimesOutAndNamesTheStep() {
    EngineFixture f = fixture();

    String failure = EngineFixture.firstFailure(f.run("tutorials/slow.md"));

    int line = f.lineOf("tutorials/slow.md", "```bash");
    assertThat(failure)
        .startsWith("docs/tutorials/slow.md:" + line + ": timed out after 2s: fake-cli sleep 30");
  }

  @Test
  void stepsAfterAFailedExitCodeAreReportedNotRun() {
    EngineFixture f =
        fixture().mutate("tutorials/basics.md", "fake-cli greet\n", "fake-cli fail 5\n");

    DocumentResult result = f.run("tutorials/basics.md");

    assertThat(result.steps().get(0).status()).isEqualTo(StepResult.Status.FAILED);
    assertThat(result.steps().get(0).message())
        .contains("exit code 5, expected 0", "the page stops here, as a reader could not go on");
    assertThat(result.steps().subList(1, result.steps().size()))
        .allSatisfy(s -> assertThat(s.status()).isEqualTo(StepResult.Status.SKIPPED));
    assertThat(result.steps().get(1).message())
        .isEqualTo(
            "not run: the step at docs/tutorials/basics.md:"
                + (f.lineOf("tutorials/basics.md", "fake-cli fail 5") - 1)
                + " failed, so the state after it cannot be trusted");
  }

  @Test
  void everyDriftOfAPageShowsInOneRun() {
    EngineFixture f =
        fixture()
            .mutate("tutorials/basics.md", "```\nHello, world!\n```", "```\nHello!\n```")
            .mutate("tutorials/basics.md", "/Users/you/project\nhi\n", "/Users/you/project\nho\n")
            .mutate("tutorials/basics.md", "Created item 01JQ", "Made item 01JQ");

    DocumentResult result = f.run("tutorials/basics.md");

    assertThat(result.steps())
        .filteredOn(s -> s.status() == StepResult.Status.DRIFTED)
        .extracting(s -> s.message().lines().findFirst().orElseThrow())
        .containsExactly(
            "docs/tutorials/basics.md:"
                + (f.lineOf("tutorials/basics.md", "Hello!") - 1)
                + ": output drifted (fake-cli greet)",
            "docs/tutorials/basics.md:"
                + (f.lineOf("tutorials/basics.md", "/Users/you/project") - 1)
                + ": output drifted (pwd && echo \"$GREETING\")",
            "docs/tutorials/basics.md:"
                + (f.lineOf("tutorials/basics.md", "Made item") - 1)
                + ": output drifted (fake-cli id)");
    assertThat(result.steps())
        .noneMatch(
            s ->
                s.status() == StepResult.Status.SKIPPED && !s.message().startsWith("illustrative"));
  }

  @Test
  void theRealHomeIsNeitherReadNorWritten() throws Exception {
    Path realHome = Files.createDirectories(temp.resolve("real-home"));
    Files.createDirectories(realHome.resolve(".fake-cli"));
    Files.writeString(
        realHome.resolve(".fake-cli/config.toml"),
        "[server]\nurl = \"https://poison.example.com\"\n");
    String before = listing(realHome);

    DocumentResult result =
        new EngineFixture(temp)
            .run(
                "tutorials/isolation.md",
                Map.of(
                    "HOME", realHome.toString(),
                    "FAKE_CLI_SERVER_URL", "https://poison.example.com",
                    "JAVA_HOME", System.getProperty("java.home")));

    EngineFixture.assertPassed(result);
    assertThat(listing(realHome)).isEqualTo(before);
    assertThat(realHome.resolve(".fake-cli/probe")).doesNotExist();
  }

  private static String listing(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      StringBuilder sb = new StringBuilder();
      for (Path f : files.sorted().toList()) {
        sb.append(dir.relativize(f)).append(' ').append(Files.getLastModifiedTime(f)).append(' ');
        if (Files.isRegularFile(f)) {
          sb.append(Files.readString(f));
        }
        sb.append('\n');
      }
      return sb.toString();
    }
  }
}
