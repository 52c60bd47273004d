package dev.speckitty.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./serve} reuses a site build only while it is verified and nothing it rests on moved. */
class ServeCheckTest {
  @TempDir Path temp;
  Path stamp;
  Path docs;

  @BeforeEach
  void build() throws Exception {
    Path site = Files.createDirectories(temp.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<html></html>");
    docs = Files.createDirectories(temp.resolve("docs"));
    Files.writeString(
        docs.resolve("doctest.toml"), "[run]\ntool = \"spec-kitty\"\nfolders = [\"tutorials\"]\n");
    Files.writeString(docs.resolve("index.md"), "# Docs\n");
    Path module = Files.createDirectories(temp.resolve("module/src/main"));
    Files.createDirectories(temp.resolve("module/src/site"));
    Files.writeString(module.resolve("Code.java"), "class Code {}");
    Files.writeString(temp.resolve("module/pom.xml"), "<project/>");
    stamp = temp.resolve("site-build.json");
    write("verified");
  }

  void write(String mode) {
    BuildStamp.of(
            SiteSettings.parse(
                new String[] {
                  "--site=" + temp.resolve("site"),
                  "--docs=" + docs,
                  "--reports=" + temp.resolve("reports"),
                  "--cli=" + temp.resolve("cli"),
                  "--engine=" + temp.resolve("engine.jar"),
                  "--mode=" + mode,
                  "--sources=" + temp.resolve("module")
                }))
        .write(stamp);
  }

  @Test
  void anUnchangedVerifiedBuildIsServedAsIs() {
    assertThat(ServeCheck.reasons(stamp)).isEmpty();
  }

  @Test
  void anEditedDocOrSiteSourceMeansBuildingAgain() throws Exception {
    Files.writeString(docs.resolve("index.md"), "# Docs, edited\n");
    Files.writeString(temp.resolve("module/src/main/Code.java"), "class Code { }");

    assertThat(ServeCheck.reasons(stamp))
        .containsExactly(
            "docs/ changed since the site was built",
            "the site's sources changed since it was built");
  }

  @Test
  void aPreviewIsNeverServedAsVerified() {
    write("preview");

    assertThat(ServeCheck.reasons(stamp))
        .containsExactly("the site there is a preview, not a verified build");
  }

  @Test
  void noBuildMeansBuilding() {
    assertThat(ServeCheck.reasons(temp.resolve("nothing.json")))
        .singleElement()
        .asString()
        .startsWith("no finished site build");
  }
}
