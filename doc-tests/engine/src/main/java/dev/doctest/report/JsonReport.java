package dev.doctest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.doctest.model.Step;
import dev.doctest.run.DocumentResult;
import dev.doctest.run.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The verification report of one document as JSON ({@code <doc>.json} under the report folder):
 * what a site's "Verified" badge is made from.
 */
public final class JsonReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /** Writes the report for {@code result}; {@code docsRoot} makes the file name relative. */
  public static Path write(
      DocumentResult result, Path docsRoot, Path reportDir, String toolVersion) {
    Path rel =
        docsRoot
            .toAbsolutePath()
            .normalize()
            .relativize(result.spec().file().toAbsolutePath().normalize());
    ObjectNode n = JSON.createObjectNode();
    n.put("document", rel.toString());
    n.put("title", result.spec().title());
    n.put("passed", result.passed());
    n.put("tool_version", toolVersion);
    n.put("verified_at", result.startedAt().toString());
    n.put("duration_ms", result.duration().toMillis());
    ObjectNode coverage = n.putObject("coverage");
    coverage.put("blocks_run", result.spec().blocksRun());
    coverage.put("blocks_total", result.spec().blocks());
    long passedSteps =
        result.steps().stream().filter(s -> s.status() == StepResult.Status.PASSED).count();
    n.put("steps_passed", passedSteps);
    ArrayNode steps = n.putArray("steps");
    for (StepResult r : result.steps()) {
      Step s = r.step();
      ObjectNode o = steps.addObject();
      o.put("line", s.location().line());
      o.put("heading", s.heading());
      o.put("kind", s.getClass().getSimpleName().toLowerCase(Locale.ROOT));
      o.put("label", s.label());
      o.put("status", r.status().name().toLowerCase(Locale.ROOT));
      o.put("duration_ms", r.duration().toMillis());
      if (!r.message().isEmpty()) {
        o.put("message", r.message());
      }
    }
    ArrayNode violations = n.putArray("world_problems");
    n.put("confined", result.confined());
    result.worldProblems().forEach(violations::add);
    Path out = reportDir.resolve(rel + ".json");
    try {
      Files.createDirectories(out.getParent());
      JSON.writeValue(out.toFile(), n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
