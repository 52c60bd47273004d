package dev.speckitty.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A preview trusts no report; problems a reader would see fail any build. */
class SitePostProcessorTest {
  @TempDir Path temp;
  Path site;
  Path docs;
  Path reports;

  @BeforeEach
  void layout() throws Exception {
    site = Files.createDirectories(temp.resolve("site/tutorials")).getParent();
    docs = Files.createDirectories(temp.resolve("docs/tutorials")).getParent();
    Files.createDirectories(docs.resolve("reference"));
    reports = Files.createDirectories(temp.resolve("reports/tutorials")).getParent();
    Files.writeString(
        docs.resolve("doctest.toml"), "[run]\ntool = \"spec-kitty\"\nfolders = [\"tutorials\"]\n");
    Files.writeString(docs.resolve("reference/server-api.openapi.yaml"), "openapi: 3.0.3\n");
    Files.writeString(
        docs.resolve("tutorials/t.md"), "# T\n\n```bash\nspec-kitty --version\n```\n");
    Files.writeString(
        site.resolve("tutorials/t.html"),
        "<html><body><div id=\"banner\"><div class=\"pull-right\"></div></div><main>"
            + "<!-- doctest: exit=1 --><section><a id=\"Step_1.3A_Go\"></a><h1>Step 1: Go</h1>"
            + "<pre class=\"prettyprint\"><code class=\"language-bash\">spec-kitty --version\n"
            + "</code></pre></section></main></body></html>");
    // A report from some earlier run: a preview must not show it as current.
    Files.writeString(reports.resolve("tutorials/t.md.json"), "{\"format\": 2, \"passed\": true}");
  }

  SitePostProcessor processor(String mode) {
    return new SitePostProcessor(
        SiteSettings.parse(
            new String[] {
              "--site=" + site,
              "--docs=" + docs,
              "--reports=" + reports,
              "--cli=" + temp.resolve("no-cli"),
              "--mode=" + mode,
              "--edit-url=https://example.org/edit/main"
            }));
  }

  Document page() throws Exception {
    return Jsoup.parse(site.resolve("tutorials/t.html").toFile(), "UTF-8");
  }

  @Test
  void previewSaysNotVerifiedEvenWithAReportAndWritesNoEvidence() throws Exception {
    assertThat(processor("preview").run()).isEmpty();

    assertThat(page().selectFirst("h1 + p.verified-badge").text())
        .isEqualTo("Preview: not verified in this build");
    assertThat(page().select(".verified-badge a")).isEmpty();
    assertThat(site.resolve("tutorials/t-evidence.html")).doesNotExist();
    assertThat(page().getElementById("step-1-go")).isNotNull();
    assertThat(page().select("main .edit-page a").attr("href"))
        .isEqualTo("https://example.org/edit/main/docs/tutorials/t.md");
    assertThat(page().select("#banner #search-input")).hasSize(1);
    assertThat(Files.readString(site.resolve("tutorials/t.html"))).doesNotContain("doctest");
    assertThat(Files.readString(site.resolve("search-index.js"))).contains("tutorials/t.html");
  }

  @Test
  void aVerifiedBuildRefusesAReportThatRecordsNothingOfThePage() {
    assertThat(processor("verified").run())
        .singleElement()
        .asString()
        .startsWith("docs/tutorials/t.md: ")
        .endsWith("Rerun the doc-tests: ./mvnw verify");
  }

  @Test
  void anUnresolvedIncludeFailsEvenAPreview() throws Exception {
    Files.writeString(docs.resolve("tutorials/t.md"), "# T\n\ninclude::parts/setup.adoc[]\n");
    Files.writeString(
        site.resolve("tutorials/t.html"),
        "<html><body><main><h1>T</h1><p>Unresolved directive in &lt;stdin&gt; -"
            + " include::parts/setup.adoc[]</p></main></body></html>");

    assertThat(processor("preview").run())
        .singleElement()
        .asString()
        .startsWith("docs/tutorials/t.md:3: unresolved include include::parts/setup.adoc[]");
  }
}
