package dev.doctest.cli;

import dev.doctest.model.Step;
import dev.doctest.run.DocumentResult;
import dev.doctest.run.StepResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What the writers' loop prints: one line per step (✓, ✗, or − with the reason), the failure of a
 * step in reader terms below it, and a summary — never a stack trace.
 */
final class Console {
  private final PrintWriter out;

  Console(PrintWriter out) {
    this.out = out;
  }

  /** A page's steps, as they went. */
  synchronized void page(DocumentResult result, boolean asked) {
    if (result.kept()) {
      out.println(
          "· "
              + result.spec().location().shown()
              + ": "
              + firstReason(result)
              + " (not run again)");
      out.flush();
      return;
    }
    if (!asked) {
      long failed = result.steps().stream().filter(StepResult::failed).count();
      out.println(
          (result.passed() ? "· " : "✗ ")
              + result.spec().location().shown()
              + " ran first, as the page continues it: "
              + result.stepsRun()
              + " steps"
              + (failed > 0 ? ", " + failed + " failed" : ", all passed"));
    } else {
      out.println(result.spec().location().shown() + " — " + result.spec().title());
    }
    String notRun = null;
    int notRunCount = 0;
    for (StepResult r : result.steps()) {
      if (r.status() == StepResult.Status.SKIPPED && r.message().startsWith("not run: ")) {
        notRun = r.message();
        notRunCount++;
        continue;
      }
      if (!asked && !r.failed()) {
        continue;
      }
      step(r);
    }
    if (notRunCount > 0) {
      out.println("  ⋯ " + notRunCount + " step" + (notRunCount == 1 ? "" : "s") + " " + notRun);
    }
    for (String p : result.worldProblems()) {
      out.println("  ✗ " + p);
    }
    out.flush();
  }

  private void step(StepResult r) {
    Step s = r.step();
    String where = String.format(Locale.ROOT, "%4d", s.location().line());
    String label = s.heading().isEmpty() ? s.label() : s.heading() + " › " + s.label();
    switch (r.status()) {
      case PASSED ->
          out.println(
              "  ✓ "
                  + where
                  + "  "
                  + label
                  + String.format(Locale.ROOT, "  (%.1fs)", r.duration().toMillis() / 1000.0)
                  + (r.message().isEmpty() ? "" : "  — " + r.message()));
      case SKIPPED -> out.println("  − " + where + "  skipped: " + reason(r.message()));
      case DRIFTED, FAILED -> {
        out.println("  ✗ " + where + "  " + label);
        for (String line : r.message().lines().toList()) {
          out.println("      " + line);
        }
      }
    }
  }

  private static String reason(String message) {
    return message.startsWith("illustrative: ")
        ? message.substring("illustrative: ".length())
        : message;
  }

  private static String firstReason(DocumentResult result) {
    return result.steps().isEmpty()
        ? "its end state was kept"
        : result.steps().get(0).message().replaceFirst("^not run: ", "");
  }

  /** The summary of a run. */
  synchronized void summary(
      List<DocumentResult> asked, boolean allParsed, String how, String reports) {
    int passed = 0;
    int drifted = 0;
    int failed = 0;
    int skipped = 0;
    for (DocumentResult d : asked) {
      for (StepResult r : d.steps()) {
        switch (r.status()) {
          case PASSED -> passed++;
          case DRIFTED -> drifted++;
          case FAILED -> failed++;
          case SKIPPED -> skipped++;
        }
      }
    }
    boolean ok = allParsed && asked.stream().allMatch(DocumentResult::passed);
    out.println();
    out.println(
        (ok ? "✓ " : "✗ ")
            + (passed + drifted + failed + skipped)
            + (passed + drifted + failed + skipped == 1 ? " step: " : " steps: ")
            + passed
            + " passed, "
            + drifted
            + " drifted, "
            + failed
            + " failed, "
            + skipped
            + " skipped. "
            + how);
    if (!allParsed) {
      out.println("  Pages that do not parse (above) did not run.");
    }
    out.println("  Reports: " + reports);
    out.flush();
  }
}
