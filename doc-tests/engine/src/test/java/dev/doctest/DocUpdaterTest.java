package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.run.DocumentResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Update mode rewrites drifted output and nothing else, and leaves a report as a normal run's. */
class DocUpdaterTest {
  private static final String BASICS = "tutorials/basics.md";

  @TempDir Path temp;

  @Test
  void updateRestoresTheDocAndKeepsPlaceholdersAndExamples() throws Exception {
    EngineFixture f = new EngineFixture(temp);
    Path doc = f.doc(BASICS);
    String original = Files.readString(doc);
    f.mutate(BASICS, "/Users/you/project\nhi\n", "/Users/you/elsewhere\nhi\n");
    f.mutate(
        BASICS,
        "server = \"https://your-server.example.com\"\n```\n\n## Shell",
        "server = \"https://old.example.com\"\n```\n\n## Shell");
    f.mutate(
        BASICS,
        "Created item 01JQ8Z3V6K2M4N5P6Q7R8S9T0V\n```",
        "Created thing 01JQ8Z3V6K2M4N5P6Q7R8S9T0V\n```");

    DocumentResult updated = f.updating().run(BASICS);

    assertThat(Files.readString(doc)).isEqualTo(original);
    EngineFixture.assertPassed(updated);
    assertThat(updated.steps())
        .filteredOn(s -> s.message().equals("updated in the page"))
        .hasSize(3);
  }

  @Test
  void asciiDocBlocksAreUpdatedBetweenTheirDelimiters() throws Exception {
    EngineFixture f = new EngineFixture(temp);
    Path doc = f.doc("tutorials/basics.adoc");
    String original = Files.readString(doc);
    f.mutate(
        "tutorials/basics.adoc", "----\nHello, world!\n----", "----\nHi there\nand more\n----");

    f.updating().run("tutorials/basics.adoc");

    assertThat(Files.readString(doc)).isEqualTo(original);
  }

  @Test
  void aStepWhoseExitCodeDiffersIsNeverWritten() throws Exception {
    EngineFixture f =
        new EngineFixture(temp)
            .mutate(BASICS, "<!-- doctest: exit=3 -->", "<!-- doctest: exit=4 -->")
            .mutate(
                BASICS,
                "```\nsomething went wrong\n```\n\nIf it fails",
                "```\nall is well\n```\n\nIf it fails");
    String before = Files.readString(f.doc(BASICS));

    DocumentResult result = f.updating().run(BASICS);

    assertThat(Files.readString(f.doc(BASICS))).isEqualTo(before);
    assertThat(EngineFixture.firstFailure(result)).contains("exit code 3, expected 4");
    assertThat(result.passed()).isFalse();
  }

  @Test
  void aSecretACommandPrintsNeverReachesTheDiffOrThePage() throws Exception {
    EngineFixture f = new EngineFixture(temp);
    Path doc = f.doc("how-to/secret.md");
    Files.writeString(
        doc,
        "# Secret\n\n```bash\necho \"the password is "
            + FakeWorld.PASSWORD
            + "\"\n```\n\n"
            + "```\nthe password is hunter2\n```\n");

    DocumentResult checked = f.run("how-to/secret.md");
    DocumentResult updated = f.updating().run("how-to/secret.md");

    assertThat(EngineFixture.firstFailure(checked))
        .contains("+the password is ********")
        .doesNotContain(
            "is " + FakeWorld.PASSWORD + "\n", "+the password is " + FakeWorld.PASSWORD);
    assertThat(updated.passed()).isTrue();
    assertThat(Files.readString(doc))
        .endsWith("```\nthe password is ********\n```\n")
        .doesNotContain("is " + FakeWorld.PASSWORD + "\n```\n```");
  }

  @Test
  void windowsLineEndingsAreKept() throws Exception {
    EngineFixture f =
        new EngineFixture(temp).mutate(BASICS, "```\nHello, world!\n```", "```\nHello!\n```");
    Path doc = f.doc(BASICS);
    Files.writeString(doc, Files.readString(doc).replace("\n", "\r\n"));

    f.updating().run(BASICS);

    String text = Files.readString(doc);
    assertThat(text).contains("```\r\nHello, world!\r\n```").doesNotContainPattern("[^\r]\n");
  }

  @Test
  void anExcerptGetsOnlyItsOwnDriftedLines() throws Exception {
    EngineFixture f =
        new EngineFixture(temp)
            .mutate(
                BASICS,
                "## Ids",
                "## Report\n\n<!-- doctest: run=\"fake-cli report\" match=contains isolated -->\n```\nok: 4 items\n```\n\n## Ids");

    f.updating().run(BASICS);

    assertThat(Files.readString(f.doc(BASICS)))
        .contains("match=contains isolated -->\n```\nok: 3 items\n```\n")
        .doesNotContain("Checking...");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "changed line | ❌ bad\\n   Try again. | Working...\\n❌ worse\\n   Try again.\\nBye | ❌ worse\\n   Try again.",
        "line added inside | a\\nc | x\\na\\nb\\nc\\ny | a\\nb\\nc",
        "line gone | a\\nb\\nc | a\\nc | a\\nc",
      })
  void excerptsAreUpdatedLineByLine(String name, String expected, String actual, String written) {
    assertThat(
            dev.doctest.report.DocUpdaterAccess.excerpt(
                expected.replace("\\n", "\n"), actual.replace("\\n", "\n")))
        .isEqualTo(written.replace("\\n", "\n"));
  }
}
