package dev.speckitty.site.html;

import dev.speckitty.site.verify.Report;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The evidence behind a "✓ Verified" badge, one page per document, in the site's layout: every step
 * as it ran — the command (also the ones the page does not show), the state it ran in, its exit
 * code, what it printed, how long it took — and which CLI build, engine and files the verdict rests
 * on, when, and whether the steps ran confined.
 */
public final class EvidencePage {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private EvidencePage() {}

  /** The evidence page's file name, next to the page: {@code server-connection-evidence.html}. */
  public static String fileName(String pageFileName) {
    return pageFileName.replaceFirst("\\.html$", "-evidence.html");
  }

  /**
   * Builds the evidence page in the layout of {@code page} (its finished HTML).
   *
   * @param document the page's source, relative to the docs folder
   */
  public static Document of(Document page, Report report, String document) {
    Document html = page.clone();
    String pageFile =
        Path.of(document).getFileName().toString().replaceFirst("\\.(md|adoc)$", ".html");
    html.title("How “" + report.title() + "” was verified – Spec Kitty docs");
    Element main = html.selectFirst("main");
    main.empty();
    main.removeClass("has-toc");
    Element section = main.appendElement("section").addClass("evidence");
    section.appendElement("h1").id("evidence").text("How “" + report.title() + "” was verified");
    Element lead = section.appendElement("p").addClass("evidence-lead");
    lead.appendText(
        "The build ran the commands of this page, in order, against the real spec-kitty CLI and a"
            + " mock team server, and compared what they printed with what the page shows. Here is"
            + " every step as it ran. ");
    lead.appendElement("a").attr("href", pageFile).text("Back to the page");
    summary(section, report, document);
    if (!report.howVerified().isEmpty()) {
      section.appendChild(Notes.note(report.howVerified()).addClass("page-notes"));
    }
    section.appendElement("h2").id("steps").text("Steps");
    for (Report.Step step : report.steps()) {
      step(section, step, pageFile);
    }
    CodeBlocks.prepare(html, List.of());
    return html;
  }

  private static void summary(Element into, Report r, String document) {
    Element table = into.appendElement("table").addClass("evidence-summary table");
    row(table, "Result")
        .text(
            (r.passed() ? "Passed" : "Failed")
                + ": "
                + r.stepsPassed()
                + " of "
                + r.stepsRun()
                + " steps run passed; "
                + r.coverage().blocksRun()
                + " of "
                + r.coverage().blocksTotal()
                + " code blocks run or compared.");
    row(table, "Verified on")
        .text(WHEN.format(Instant.parse(r.verifiedAt())) + ", in " + seconds(r.durationMs()) + ".");
    Element cli = row(table, "CLI");
    cli.appendText("spec-kitty " + r.tool().version() + ", build SHA-256 ");
    cli.appendElement("code").addClass("sha").text(r.tool().sha256());
    Element engine = row(table, "Doc-test engine");
    engine.appendText(r.engine().version() + ", SHA-256 ");
    engine.appendElement("code").addClass("sha").text(r.engine().sha256());
    row(table, "Confined")
        .text(
            r.confined()
                ? "Yes: every step ran in a sandbox (bubblewrap) where the whole file system is"
                    + " read-only except the page's own home and /tmp."
                : "No: the steps ran as plain processes (no sandbox on the machine that ran them).");
    Element start = row(table, "Starts from");
    start.appendText(startsFrom(r));
    r.startsFrom()
        .fixtureUsed()
        .filter(f -> !f.commands().isEmpty())
        .ifPresent(
            f -> {
              start.appendText(" Set up by running: ");
              for (int i = 0; i < f.commands().size(); i++) {
                start.appendText(i == 0 ? "" : "; ");
                start.appendElement("code").addClass("fixture-command").text(f.commands().get(i));
              }
              start.appendText(".");
            });
    r.startsFrom()
        .continuesPage()
        .ifPresent(
            c -> {
              start.appendText(" Continues ");
              start.appendElement("a").attr("href", relativeHtml(document, c)).text(c);
              start.appendText(".");
            });
    if (!r.worldProblems().isEmpty()) {
      row(table, "Test world").text(String.join(" ", r.worldProblems()));
    }
    Element inputs = row(table, "Files verified");
    inputs.appendText("docs/" + document + " ");
    inputs.appendElement("code").addClass("sha").text(r.inputs().page());
    for (Report.Link link : r.inputs().chain()) {
      inputs.appendElement("br");
      inputs.appendText("docs/" + link.document() + " ");
      inputs.appendElement("code").addClass("sha").text(link.sha256());
    }
    inputs.appendElement("br");
    inputs.appendText("docs/doctest.toml ");
    inputs.appendElement("code").addClass("sha").text(r.inputs().config());
  }

  private static String startsFrom(Report r) {
    StringBuilder s = new StringBuilder();
    r.startsFrom()
        .fixtureUsed()
        .ifPresent(f -> s.append("A state where ").append(f.description()).append('.'));
    if (s.isEmpty() && r.startsFrom().continuesPage().isEmpty()) {
      s.append("A fresh terminal: a new home folder, nothing configured.");
    }
    return s.toString();
  }

  private static Element row(Element table, String name) {
    Element tr = table.appendElement("tr");
    tr.appendElement("th").text(name);
    return tr.appendElement("td");
  }

  private static void step(Element into, Report.Step step, String pageFile) {
    Element s = into.appendElement("section").addClass("evidence-step").addClass(step.status());
    s.id("step-L" + step.line());
    Element h = s.appendElement("h3");
    h.appendText(step.heading() + " · line " + step.line() + " ");
    h.appendElement("span").addClass("step-status").text(step.status());
    Element dl = s.appendElement("dl");
    switch (step.kind()) {
      case "writefile" -> {
        dd(dl, "File written").text(step.label().replaceFirst("^write ", ""));
        step.blocks().forEach(b -> dd(dl, "Content").appendElement("pre").text(b.text()));
      }
      case "illustrative" -> {
        step.blocks().forEach(b -> dd(dl, "Example").appendElement("pre").text(b.text()));
      }
      case "browse" ->
          step.browserCheck()
              .ifPresent(
                  b -> {
                    dd(dl, "Opened in a browser").appendElement("code").text(b.open());
                    b.image()
                        .ifPresent(
                            src ->
                                dd(dl, "Image taken")
                                    .appendElement("img")
                                    .attr("src", src)
                                    .attr("alt", "what the browser showed")
                                    .addClass("evidence-image"));
                  });
      default -> {
        String what =
            step.hidden().isPresent()
                ? "Command (not shown on the page)"
                : step.kind().equals("interactive")
                    ? "Command (in a terminal, answering its prompts)"
                    : "Command";
        step.commands().ifPresent(c -> dd(dl, what).appendElement("pre").text(c));
      }
    }
    if (!step.howVerified().isEmpty()) {
      Element how = dd(dl, "How");
      Notes.appendWithCode(how, String.join(" ", step.howVerified()));
    }
    step.result()
        .ifPresent(
            ran -> {
              dd(dl, "Exit code").text(String.valueOf(ran.exitCode()));
              if (!step.kind().equals("writefile")) {
                Element out = dd(dl, "Output");
                if (ran.output().isEmpty()) {
                  out.text("(nothing)");
                } else {
                  out.appendElement("pre").addClass("ran-output").text(ran.output());
                }
              }
            });
    if (step.result().isPresent()) {
      dd(dl, "Time").text(seconds(step.durationMs()));
    }
    step.problem()
        .filter(m -> !step.kind().equals("illustrative"))
        .ifPresent(
            m ->
                dd(dl, step.status().equals("failed") ? "Failure" : "Not run")
                    .appendElement("pre")
                    .text(m));
    s.appendElement("p")
        .appendElement("a")
        .attr("href", pageFile + "#L" + step.line())
        .text("See it on the page");
  }

  private static Element dd(Element dl, String name) {
    dl.appendElement("dt").text(name);
    return dl.appendElement("dd");
  }

  private static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  /** The link from one page to another, both relative to the docs folder. */
  static String relativeHtml(String from, String to) {
    Path dir = Path.of(from).getParent();
    Path target = Path.of(to);
    String rel = (dir == null ? target : dir.relativize(target)).toString();
    return rel.replaceFirst("\\.(md|adoc)$", ".html");
  }
}
