package dev.doctest.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints a run's {@code summary.json} in the build's own output: how many steps ran, whether they
 * ran confined, and every skipped block with its reason — so a block that was not checked is seen,
 * not buried in a report file.
 */
public final class SummaryPrinter {
  private SummaryPrinter() {}

  /** Argument: the report folder. Prints nothing when no run wrote a summary there. */
  public static void main(String[] args) throws IOException {
    Path summary = Path.of(args[0]).resolve("summary.json");
    if (!Files.isRegularFile(summary)) {
      return;
    }
    JsonNode n = new ObjectMapper().readTree(summary.toFile());
    System.out.println(
        "Doc-tests: "
            + n.path("steps_run").asInt()
            + " steps ran, each once, in "
            + n.path("pages").asInt()
            + " pages"
            + (n.path("confined").asBoolean() ? ", confined (bubblewrap)." : ", unconfined."));
    JsonNode skipped = n.path("skipped");
    if (skipped.isEmpty()) {
      System.out.println("  No block was skipped.");
    }
    for (JsonNode s : skipped) {
      System.out.println("  Skipped " + s.path("at").asText() + ": " + s.path("reason").asText());
    }
  }
}
