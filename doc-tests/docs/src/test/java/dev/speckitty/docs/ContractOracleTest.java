package dev.speckitty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.DocTests;
import dev.doctest.config.DocTestConfig;
import dev.doctest.run.DocumentResult;
import dev.doctest.run.FileTrees;
import dev.doctest.run.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mock is not the only oracle: when a fault stub and a page agree on an answer the API contract
 * does not allow (a 503 where the contract has 500), the page fails at that step.
 */
class ContractOracleTest {
  private static final Path STUBS =
      Docs.ROOT.resolveSibling("doc-tests/mock-server/src/main/resources/mock-server");

  @TempDir Path temp;

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void aFaultAnswerOutsideTheContractFailsTheStepThatMetIt() throws IOException {
    Path docs = temp.resolve("docs");
    Path stubs = temp.resolve("stubs");
    FileTrees.copy(Docs.ROOT, docs);
    FileTrees.copy(STUBS, stubs);
    replace(
        stubs.resolve("mappings/fault-server-error.json"), "\"status\": 500", "\"status\": 503");
    Path page = docs.resolve("how-to/sync-to-server.md");
    replace(
        page,
        "Server temporarily unavailable (HTTP 500)",
        "Server temporarily unavailable (HTTP 503)");
    int line = Files.readAllLines(page).indexOf("  ❌ Server temporarily unavailable (HTTP 503)");

    DocumentResult result;
    try (DocTests engine =
        new DocTests(
            DocTestConfig.load(docs),
            Docs.settings(),
            new TeamServerWorld(Optional.of(stubs)),
            Docs.CONFINEMENT,
            new DocTests.Options(temp.resolve("reports"), "test", false, 2),
            Docs.asciidoc())) {
      result = engine.start(engine.plan(List.of(page)), r -> {}).get(page.toAbsolutePath()).join();
    }

    StepResult failed =
        result.steps().stream()
            .filter(StepResult::failed)
            .findFirst()
            .orElseThrow(() -> new AssertionError("the page passed"));
    assertThat(failed.message())
        .startsWith("docs/how-to/sync-to-server.md:" + line + ": while this step ran")
        .contains("POST /api/v1/events/batch/", "503");
  }
}
