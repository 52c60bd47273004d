package dev.speckitty.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.doctest.config.DocTestConfig;
import dev.doctest.model.DocTestException;
import dev.doctest.parse.AsciiDoc;
import dev.doctest.parse.DocumentParser;
import dev.doctest.report.Fingerprint;
import dev.doctest.run.FileTrees;
import dev.speckitty.mockserver.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Code blocks a reader sees but the doc-tests never ran fail the site build at their {@code
 * file:line}, and so does an include the site cannot resolve. A copy of the docs gets such blocks
 * (raw HTML {@code <pre>}, one inside {@code <details>}, one in a table cell, a listing in an
 * AsciiDoc description list, an include); the engine refuses those pages itself, and their reports
 * stay as they were but for the pages' new fingerprints, as if it had missed them; the copy is
 * rendered as the site renders (its Markdown pages by {@link MarkdownPages}, then the same site
 * plugin, skin and AsciiDoc module: a nested, offline Maven run); and the site build must fail at
 * exactly those lines.
 */
class RenderedBlocksIT {
  static final Path DOCS = Path.of(System.getProperty("docs.dir"));
  static final Path REPORTS = Path.of(System.getProperty("doctest.reports"));
  static final Path WORK = Path.of("target/rendered-blocks-it").toAbsolutePath();

  static final String MARKDOWN = "how-to/authenticate.md";
  static final String ASCIIDOC = "how-to/check-your-setup.adoc";

  static Path docs;
  static Path reports;
  static int detailsLine;
  static int rawPreLine;
  static int tablePreLine;
  static int listItemLine;
  static int includeLine;
  static AsciiDoc asciidoc = new AsciiDoc();

  @BeforeAll
  static void renderMutatedCopy() throws Exception {
    FileTrees.delete(WORK);
    docs = FileTrees.copy(DOCS, WORK.resolve("docs"));
    reports = FileTrees.copy(REPORTS, WORK.resolve("reports"));

    int md = lines(docs.resolve(MARKDOWN));
    append(
        MARKDOWN,
        """

        <details>
        <summary>What it prints on a slow network</summary>
        <pre>
        spec-kitty auth status --verbose
        </pre>
        </details>

        <pre>spec-kitty auth whoami</pre>

        | Command | What it does |
        |---|---|
        | <pre>spec-kitty auth refresh</pre> | renews the session |
        """);
    detailsLine = md + 5; // the <pre>'s text: the block's first line
    rawPreLine = md + 9;
    tablePreLine = md + 13;

    int adoc = lines(docs.resolve(ASCIIDOC));
    append(
        ASCIIDOC,
        """

        == One more check

        Verbose status::
        +
        ----
        spec-kitty sync status --verbose
        ----

        include::more-checks.adoc[]
        """);
    listItemLine = adoc + 7;
    includeLine = adoc + 10;

    for (String page : List.of(MARKDOWN, ASCIIDOC)) {
      refreshPageFingerprint(page);
    }
    render();
  }

  @AfterAll
  static void close() {
    asciidoc.close();
  }

  /**
   * The first line of defence: the engine refuses each mutated page where it shows code that no
   * step could run. The reports stay those of the pages before the change (but for their new
   * fingerprints), as an engine that missed the blocks would have written them — so the site build
   * below must catch every one on its own.
   */
  @Test
  void theEngineRefusesEachMutatedPageAtCodeItCannotRun() {
    DocumentParser parser =
        new DocumentParser(
            DocTestConfig.load(docs),
            Arrays.stream(Scenario.values()).map(Scenario::id).toList(),
            asciidoc);
    assertThatThrownBy(() -> parser.parse(docs.resolve(MARKDOWN)))
        .isInstanceOf(DocTestException.class)
        .hasMessageStartingWith("docs/" + MARKDOWN + ":")
        .hasMessageContaining("code in raw HTML");
    assertThatThrownBy(() -> parser.parse(docs.resolve(ASCIIDOC)))
        .isInstanceOf(DocTestException.class)
        .hasMessageStartingWith("docs/" + ASCIIDOC + ":");
  }

  @Test
  void everyUnverifiedBlockAndTheUnresolvedIncludeFailTheSiteBuildAtTheirLine() {
    List<String> problems =
        new SitePostProcessor(
                SiteSettings.parse(
                    new String[] {
                      "--site=" + WORK.resolve("project/target/site"),
                      "--docs=" + docs,
                      "--reports=" + reports,
                      "--cli=" + System.getProperty("spec-kitty.installation"),
                      "--mode=verified",
                      "--edit-url=https://example.org/edit/"
                    }))
            .run();

    assertThat(problems.stream().map(p -> p.substring(0, p.indexOf(": "))))
        .containsExactlyInAnyOrder(
            // <details> and <summary>: elements Markdown does not render, which can fold a step
            // away (the style check), besides the <pre> inside that no step ran
            "docs/" + MARKDOWN + ":" + (detailsLine - 3),
            "docs/" + MARKDOWN + ":" + (detailsLine - 2),
            "docs/" + MARKDOWN + ":" + detailsLine,
            "docs/" + MARKDOWN + ":" + rawPreLine,
            "docs/" + MARKDOWN + ":" + tablePreLine,
            "docs/" + ASCIIDOC + ":" + listItemLine,
            "docs/" + ASCIIDOC + ":" + includeLine);
    assertThat(problems)
        .filteredOn(p -> p.startsWith("docs/" + MARKDOWN + ":" + rawPreLine))
        .singleElement()
        .asString()
        .contains("“spec-kitty auth whoami”", "no doc-test step ran");
    assertThat(problems)
        .filteredOn(p -> p.startsWith("docs/" + ASCIIDOC + ":" + includeLine))
        .singleElement()
        .asString()
        .contains("unresolved include include::more-checks.adoc[]");
  }

  /** What the engine writes for a page whose blocks it parsed as before: only the page's hash. */
  static void refreshPageFingerprint(String page) throws IOException {
    Path report = reports.resolve(page + ".json");
    ObjectMapper json = new ObjectMapper();
    ObjectNode tree = (ObjectNode) json.readTree(report.toFile());
    ((ObjectNode) tree.get("inputs")).put("page", Fingerprint.of(docs.resolve(page)));
    json.writeValue(report.toFile(), tree);
  }

  /** Renders the copy with the site's own site descriptor, skin and modules. */
  static void render() throws Exception {
    Path project =
        Files.createDirectories(WORK.resolve("project/src/site")).getParent().getParent();
    Files.copy(
        Path.of(System.getProperty("site.sources"), "site.xml"),
        project.resolve("src/site/site.xml"));
    MarkdownPages.main(
        new String[] {docs.toString(), project.resolve("src/site/xhtml").toString()});
    Files.createSymbolicLink(project.resolve("src/site/asciidoc"), docs);
    Files.writeString(
        project.resolve("pom.xml"),
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>dev.speckitty.it</groupId>
          <artifactId>rendered-blocks</artifactId>
          <version>%s</version>
          <packaging>pom</packaging>
          <properties>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            <fluido-skin.version>%s</fluido-skin.version>
          </properties>
          <build>
            <plugins>
              <plugin>
                <artifactId>maven-site-plugin</artifactId>
                <version>%s</version>
                <dependencies>
                  <dependency>
                    <groupId>org.asciidoctor</groupId>
                    <artifactId>asciidoctor-parser-doxia-module</artifactId>
                    <version>%s</version>
                  </dependency>
                  <dependency>
                    <groupId>org.asciidoctor</groupId>
                    <artifactId>asciidoctorj</artifactId>
                    <version>%s</version>
                  </dependency>
                </dependencies>
                <configuration>
                  <generateReports>false</generateReports>
                  <generateProjectInfo>false</generateProjectInfo>
                  <relativizeSiteLinks>false</relativizeSiteLinks>
                </configuration>
              </plugin>
            </plugins>
          </build>
        </project>
        """
            .formatted(
                System.getProperty("project.version"),
                System.getProperty("fluido-skin.version"),
                System.getProperty("site-plugin.version"),
                System.getProperty("asciidoctor-doxia.version"),
                System.getProperty("asciidoctorj.version")));
    Process maven =
        new ProcessBuilder(
                System.getProperty("maven.wrapper"),
                "-o",
                "-q",
                "-B",
                "-f",
                project.resolve("pom.xml").toString(),
                "site:site")
            .redirectErrorStream(true)
            .redirectOutput(WORK.resolve("render.log").toFile())
            .start();
    assertThat(maven.waitFor(5, TimeUnit.MINUTES)).as("rendering finished").isTrue();
    assertThat(maven.exitValue())
        .as("rendering the copy: " + Files.readString(WORK.resolve("render.log")))
        .isZero();
  }

  static void append(String page, String text) throws IOException {
    Files.writeString(docs.resolve(page), Files.readString(docs.resolve(page)) + text);
  }

  static int lines(Path file) throws IOException {
    return (int) Files.readString(file).lines().count();
  }
}
