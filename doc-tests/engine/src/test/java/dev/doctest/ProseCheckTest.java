package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.config.DocTestConfig;
import dev.doctest.prose.Finding;
import dev.doctest.prose.ProseCheck;
import dev.doctest.prose.ProseReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProseCheckTest {
  @TempDir Path temp;

  private Path docs() throws IOException {
    Path docs = temp.resolve("docs");
    Files.createDirectories(docs);
    Files.writeString(
        docs.resolve("doctest.toml"),
        """
        [run]
        tool = "fake-cli"
        folders = ["tutorials"]
        """);
    return docs;
  }

  private Path page(String relative, String text) throws IOException {
    Path page = docs().resolve(relative);
    Files.createDirectories(page.getParent());
    Files.writeString(page, text);
    return page;
  }

  private ProseReport check() throws IOException {
    return new ProseCheck(DocTestConfig.load(docs()), EngineFixture.ASCIIDOC, new FakeVocabulary())
        .checkAll();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"how-to/page.md", "how-to/page.adoc"})
  void aNameThatDoesNotExistFailsAtItsLineWithTheClosestRealName(String name) throws IOException {
    page(name, name.endsWith(".md") ? ProseReaderTest.MARKDOWN : ProseReaderTest.ASCIIDOC);

    ProseReport report = check();

    assertThat(report.findings())
        .extracting(Finding::toString)
        .containsExactly("docs/" + name + ":6: no option `--lowd`; did you mean `--loud`?");
    assertThat(report.spans())
        .as("spans of the fake tool, the marked --old among them: all but FAKE_HOME")
        .isEqualTo(10);
  }

  @Test
  void aMarkerOnANameThatExistsIsItselfTheMistake() throws IOException {
    page("explanations/history.md", "# History\n\n`--loud` (removed in 2.0) was kept.\n");

    assertThat(check().findings())
        .extracting(Finding::toString)
        .containsExactly(
            "docs/explanations/history.md:3: `--loud` is marked as not existing, but it does:"
                + " remove the marker after it");
  }

  @Test
  void aMarkedNameThatDoesNotExistPasses() throws IOException {
    page("explanations/history.md", "# History\n\n`--shout` (removed in 2.0: use `--loud`).\n");

    ProseReport report = check();

    assertThat(report.findings()).isEmpty();
    assertThat(report.spans()).isEqualTo(2);
  }

  @Test
  void fileBlocksOfEveryPageAreCheckedAtTheirPageLines() throws IOException {
    page(
        "reference/config.md",
        """
        # Config

        ```toml
        # ~/.config/fake/config.toml
        name = "x"
        volum = 3
        ```
        """);
    page(
        "tutorials/other-os.adoc",
        """
        = Other OS

        [source,toml,doctest="illustrative=\\"another OS\\""]
        ----
        # ~/.config/fake/config.toml
        nmae = "x"
        ----
        """);

    ProseReport report = check();

    assertThat(report.findings())
        .extracting(Finding::toString)
        .containsExactly(
            "docs/reference/config.md:6: no key `volum` in ~/.config/fake/config.toml; did you"
                + " mean `volume`?",
            "docs/tutorials/other-os.adoc:6: no key `nmae` in ~/.config/fake/config.toml; did"
                + " you mean `name`?");
    assertThat(report.files()).isEqualTo(2);
    assertThat(report.pages()).isEqualTo(2);
  }

  @Test
  void aPageTheParserRejectsIsAFindingNotACrash() throws IOException {
    page("how-to/broken.md", "# Broken\n\n```toml\n# ~/.config/fake/config.toml\nname = 1\n");

    assertThat(check().findings())
        .extracting(Finding::toString)
        .singleElement()
        .asString()
        .startsWith("docs/how-to/broken.md:3: unterminated code fence");
  }
}
