package dev.speckitty.site.verify;

import dev.doctest.config.DocTestConfig;
import dev.doctest.parse.DocumentParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides which reports may put "✓ Verified" on a page: a report vouches for its page only if it
 * passed and every fingerprint it recorded — the page, each page of its chain, {@code
 * doctest.toml}, the CLI installation, the engine — is that of the files the site renders now. Any
 * other report in the folder (a page edited since, another docs folder's report, a page that no
 * longer exists) is a problem that names the page, what differs and what to do.
 */
public final class ReportCheck {
  static final String RERUN = "Rerun the doc-tests: ./mvnw verify";

  private final DocTestConfig config;
  private final Path reports;
  private final CurrentFiles current;

  public ReportCheck(DocTestConfig config, Path reports, CurrentFiles current) {
    this.config = config;
    this.reports = reports;
    this.current = current;
  }

  /** The outcome: the reports that vouch for their page, and every problem found. */
  public record Result(Map<String, Report> verified, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** Checks every executable page of the docs and every report in the folder. */
  public Result run() {
    Map<String, Report> verified = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String document : executablePages()) {
      Path file = reports.resolve(document + ".json");
      if (!Files.isRegularFile(file)) {
        problems.add(
            "docs/" + document + ": no doc-test report (" + file + "). " + RERUN + " first.");
        continue;
      }
      Report report = Report.read(file);
      List<String> wrong = check(document, report);
      if (wrong.isEmpty()) {
        verified.put(document, report);
      } else {
        problems.addAll(wrong);
      }
    }
    problems.addAll(strayReports());
    return new Result(verified, problems);
  }

  /** What is wrong with {@code report} as the report of {@code document}. */
  List<String> check(String document, Report report) {
    String page = "docs/" + document;
    if (report.format() != Report.FORMAT) {
      return List.of(
          page
              + ": its report is in format "
              + report.format()
              + ", the site reads format "
              + Report.FORMAT
              + ". "
              + RERUN);
    }
    if (!document.equals(report.document())) {
      return List.of(page + ": its report is about " + report.document() + ". " + RERUN);
    }
    if (!report.passed()) {
      return List.of(failed(document, report));
    }
    List<String> differs = new ArrayList<>();
    differ(
        differs,
        "the page changed since its doc-test ran",
        report.inputs().page(),
        current.page(document));
    for (Report.Link link : report.inputs().chain()) {
      Optional<String> now = current.page(link.document());
      if (now.isEmpty()) {
        differs.add("docs/" + link.document() + ", which it continues, no longer exists");
      } else {
        differ(
            differs,
            "docs/" + link.document() + ", which it continues, changed",
            link.sha256(),
            now);
      }
    }
    differ(
        differs,
        "docs/doctest.toml changed",
        report.inputs().config(),
        Optional.of(current.config()));
    differ(
        differs,
        "the CLI in " + current.cli() + " is another build than the one verified",
        report.tool().sha256(),
        Optional.of(current.cliBuild()));
    differ(
        differs,
        "the doc-test engine ("
            + current.engine().getFileName()
            + ") is another build than the one that ran",
        report.engine().sha256(),
        Optional.of(current.engineBuild()));
    if (differs.isEmpty()) {
      return List.of();
    }
    return List.of(
        page
            + ": its doc-test report does not vouch for what the site renders: "
            + String.join("; ", differs)
            + ". "
            + RERUN);
  }

  private static String failed(String document, Report report) {
    String where =
        report
            .firstFailure()
            .map(s -> " at docs/" + document + ":" + s.line() + firstLine(s.problem()))
            .orElse("");
    return "docs/"
        + document
        + ": its doc-test failed"
        + where
        + " — the site publishes only verified pages. Fix the page or the CLI, then rerun the"
        + " doc-tests: ./mvnw verify";
  }

  private static String firstLine(Optional<String> message) {
    return message.map(m -> " (" + m.lines().findFirst().orElse("") + ")").orElse("");
  }

  private static void differ(
      List<String> differs, String what, String recorded, Optional<String> now) {
    if (now.isEmpty() || !now.get().equals(recorded)) {
      differs.add(
          what
              + " (SHA-256 "
              + shortHash(recorded)
              + " in the report, "
              + now.map(ReportCheck::shortHash).orElse("none")
              + " now)");
    }
  }

  static String shortHash(String sha) {
    return sha == null || sha.isEmpty() ? "none" : sha.substring(0, Math.min(12, sha.length()));
  }

  /** Reports in the folder that belong to no executable page of these docs. */
  private List<String> strayReports() {
    List<String> problems = new ArrayList<>();
    if (!Files.isDirectory(reports)) {
      return problems;
    }
    List<String> pages = executablePages();
    try (Stream<Path> files = Files.walk(reports)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String rel = reports.relativize(file).toString();
        if (rel.equals("summary.json")) {
          continue;
        }
        String document = rel.substring(0, rel.length() - ".json".length());
        if (!pages.contains(document)) {
          problems.add(
              file
                  + ": a report for docs/"
                  + document
                  + ", which "
                  + (Files.exists(current.docs().resolve(document))
                      ? "the doc-tests do not run"
                      : "does not exist")
                  + " (from another docs folder, or a page since removed). Delete it, or "
                  + "rerun the doc-tests from clean: ./mvnw clean verify");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return problems;
  }

  /** The pages the doc-tests run, relative to the docs folder, sorted. */
  public List<String> executablePages() {
    List<String> pages = new ArrayList<>();
    for (String folder : config.runFolders()) {
      Path dir = current.docs().resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files
            .filter(DocumentParser::isDocument)
            .map(f -> current.docs().relativize(f).toString())
            .sorted()
            .forEach(pages::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return pages;
  }
}
