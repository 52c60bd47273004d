package dev.speckitty.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.doctest.config.DocTestConfig;
import dev.doctest.run.FileTrees;
import dev.speckitty.site.verify.CurrentFiles;
import dev.speckitty.site.verify.ReportCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Badges that cannot lie: the reports this build's doc-tests wrote vouch for the docs as they are;
 * change a copy of anything a verdict rests on — a page, a page it continues, {@code doctest.toml},
 * the CLI, the engine — or drop a stray report among them, and the site's check refuses, naming the
 * page, what differs and what to do.
 */
class ReportRulesIT {
  static final Path DOCS = Path.of(System.getProperty("docs.dir"));
  static final Path REPORTS = Path.of(System.getProperty("doctest.reports"));
  static final Path CLI = Path.of(System.getProperty("spec-kitty.installation"));

  @TempDir Path temp;
  Path docs;
  Path reports;
  Path cli = CLI;
  Path engine = CurrentFiles.engineOnClassPath();

  @BeforeEach
  void copies() throws IOException {
    docs = FileTrees.copy(DOCS, temp.resolve("docs"));
    reports = FileTrees.copy(REPORTS, temp.resolve("reports"));
  }

  List<String> problems() {
    return new ReportCheck(DocTestConfig.load(docs), reports, new CurrentFiles(docs, cli, engine))
        .run()
        .problems();
  }

  @Test
  void theReportsOfThisBuildVouchForEveryExecutablePage() {
    ReportCheck.Result result =
        new ReportCheck(DocTestConfig.load(docs), reports, new CurrentFiles(docs, cli, engine))
            .run();

    assertThat(result.problems()).isEmpty();
    assertThat(result.verified())
        .containsKeys(
            "tutorials/server-connection.md",
            "tutorials/getting-started.md",
            "how-to/check-your-setup.adoc");
  }

  @Test
  void aPageEditedAfterItsRunIsRefusedByName() throws IOException {
    Files.writeString(
        docs.resolve("how-to/authenticate.md"), "\nOne more line.\n", StandardOpenOption.APPEND);

    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith("docs/how-to/authenticate.md: ")
        .contains("the page changed since its doc-test ran")
        .endsWith("Rerun the doc-tests: ./mvnw verify");
  }

  @Test
  void aChangedPageRefusesTheReportsOfEveryPageThatContinuesIt() throws IOException {
    Files.writeString(
        docs.resolve("tutorials/your-first-feature.md"), "\n", StandardOpenOption.APPEND);

    List<String> problems = problems();

    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("docs/tutorials/your-first-feature.md: ")
                    .contains("the page changed"));
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("docs/tutorials/server-connection.md: ")
                    .contains("docs/tutorials/your-first-feature.md, which it continues, changed"));
    assertThat(problems).noneMatch(p -> p.startsWith("docs/tutorials/getting-started.md"));
  }

  @Test
  void aChangedConfigRefusesEveryReport() throws IOException {
    Files.writeString(docs.resolve("doctest.toml"), "\n# edited\n", StandardOpenOption.APPEND);

    assertThat(problems())
        .hasSize(executablePages())
        .allMatch(p -> p.contains("docs/doctest.toml changed"));
  }

  @Test
  void anotherBuildOfTheCliRefusesEveryReport() throws IOException {
    cli = FileTrees.copy(CLI, temp.resolve("spec-kitty"));
    Files.writeString(cli.resolve("lib/extra.txt"), "a file the doc-tests did not run with\n");

    assertThat(problems())
        .hasSize(executablePages())
        .allMatch(p -> p.contains("is another build than the one verified"));
  }

  @Test
  void anotherBuildOfTheEngineRefusesEveryReport() throws IOException {
    Path copy = temp.resolve(engine.getFileName());
    if (Files.isDirectory(engine)) {
      FileTrees.copy(engine, copy);
      Files.writeString(copy.resolve("extra.txt"), "x");
    } else {
      Files.copy(engine, copy);
      Files.write(copy, new byte[] {0}, StandardOpenOption.APPEND);
    }
    engine = copy;

    assertThat(problems())
        .hasSize(executablePages())
        .allMatch(p -> p.contains("the doc-test engine (" + copy.getFileName() + ") is another"));
  }

  @Test
  void aReportForAPageThatDoesNotExistFailsTheBuild() throws IOException {
    Files.copy(
        reports.resolve("how-to/authenticate.md.json"),
        reports.resolve("how-to/renamed-page.md.json"));

    assertThat(problems())
        .singleElement()
        .asString()
        .contains("how-to/renamed-page.md.json: a report for docs/how-to/renamed-page.md")
        .contains("does not exist");
  }

  @Test
  void aReportOfAnotherDocsFolderInThePagesPlaceIsRefused() throws IOException {
    Path report = reports.resolve("how-to/authenticate.md.json");
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(report.toFile());
    json.put("document", "guides/authenticate.md");
    new ObjectMapper().writeValue(report.toFile(), json);

    assertThat(problems())
        .containsExactly(
            "docs/how-to/authenticate.md: its report is about guides/authenticate.md. "
                + "Rerun the doc-tests: ./mvnw verify");
  }

  @Test
  void aMissingOrFailedReportFailsTheBuild() throws IOException {
    Files.delete(reports.resolve("how-to/sync-to-server.md.json"));
    Path report = reports.resolve("how-to/authenticate.md.json");
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(report.toFile());
    json.put("passed", false);
    new ObjectMapper().writeValue(report.toFile(), json);

    assertThat(problems())
        .satisfiesExactlyInAnyOrder(
            p -> assertThat(p).startsWith("docs/how-to/authenticate.md: its doc-test failed"),
            p -> assertThat(p).startsWith("docs/how-to/sync-to-server.md: no doc-test report"));
  }

  private int executablePages() {
    return new ReportCheck(DocTestConfig.load(docs), reports, new CurrentFiles(docs, cli, engine))
        .executablePages()
        .size();
  }
}
