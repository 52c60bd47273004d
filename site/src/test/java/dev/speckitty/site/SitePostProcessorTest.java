package dev.speckitty.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Badges come only from passing reports; a failed or missing report fails the site build. */
class SitePostProcessorTest {
  @TempDir Path temp;
  Path site;
  Path docs;
  Path reports;

  @BeforeEach
  void layout() throws Exception {
    site = Files.createDirectories(temp.resolve("site/tutorials"));
    site = temp.resolve("site");
    docs = Files.createDirectories(temp.resolve("docs/tutorials")).getParent();
    Files.createDirectories(docs.resolve("reference"));
    reports = Files.createDirectories(temp.resolve("reports/tutorials")).getParent();
    Files.writeString(
        docs.resolve("doctest.toml"), "[run]\ntool = \"spec-kitty\"\nfolders = [\"tutorials\"]\n");
    Files.writeString(docs.resolve("reference/server-api.openapi.yaml"), "openapi: 3.0.3\n");
    Files.writeString(docs.resolve("tutorials/t.md"), "# T\n");
    Files.writeString(
        site.resolve("tutorials/t.html"),
        "<html><body><main><!-- doctest: exit=1 --><section><a id=\"Step_1.3A_Go\"></a><h1>Step 1: Go</h1>"
            + "<p>x</p></section></main></body></html>");
  }

  private void report(boolean passed) throws Exception {
    Files.writeString(
        reports.resolve("tutorials/t.md.json"),
        "{\"passed\": "
            + passed
            + ", \"tool\": {\"version\": \"2.1.0\"}, \"verified_at\": \"2026-11-29T04:00:00Z\","
            + " \"steps_passed\": 7, \"coverage\": {\"blocks_run\": 9, \"blocks_total\": 10}}");
  }

  private org.jsoup.nodes.Document page() throws Exception {
    return Jsoup.parse(site.resolve("tutorials/t.html").toFile(), "UTF-8");
  }

  @Test
  void passingReportBecomesABadgeUnderTheTitleOnceOnly() throws Exception {
    report(true);

    assertThat(new SitePostProcessor(site, docs, reports, false).run()).isEmpty();
    assertThat(new SitePostProcessor(site, docs, reports, false).run()).isEmpty();

    assertThat(page().select(".verified-badge")).hasSize(1);
    assertThat(page().selectFirst("h1 + p.verified-badge").text())
        .isEqualTo("✓ Verified against spec-kitty 2.1.0 — 7 steps — 2026-11-29");
    assertThat(page().getElementById("step-1-go")).isNotNull();
    assertThat(Files.readString(site.resolve("tutorials/t.html"))).doesNotContain("doctest");
  }

  @Test
  void failedReportFailsTheSiteBuild() throws Exception {
    report(false);

    assertThat(new SitePostProcessor(site, docs, reports, false).run())
        .containsExactly(
            "docs/tutorials/t.md: its doc-test failed — the site publishes only verified pages");
  }

  @Test
  void missingReportFailsTheSiteBuild() {
    assertThat(new SitePostProcessor(site, docs, reports, false).run())
        .singleElement()
        .asString()
        .startsWith("docs/tutorials/t.md: no doc-test report");
  }

  @Test
  void previewSaysItIsNotVerifiedEvenWithAnOldReport() throws Exception {
    report(true);

    assertThat(new SitePostProcessor(site, docs, reports, true).run()).isEmpty();
    assertThat(page().selectFirst("h1 + p.verified-badge").text())
        .isEqualTo("Preview: not verified in this build");
  }
}
