package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.report.Anchors;
import dev.doctest.report.LinkChecker;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkCheckerTest {
  @TempDir Path temp;

  @Test
  void fixtureLinksResolve() {
    EngineFixture f = new EngineFixture(temp);

    assertThat(new LinkChecker(EngineFixture.ASCIIDOC).check(f.docs)).isEmpty();
  }

  @Test
  void brokenLinkIsReportedAtItsLine() {
    EngineFixture f =
        new EngineFixture(temp)
            .mutate(
                "how-to/links.md", "../tutorials/basics.md#greet", "../tutorials/basic.md#greet");

    List<String> problems = new LinkChecker(EngineFixture.ASCIIDOC).check(f.docs);

    assertThat(problems)
        .containsExactly(
            "docs/how-to/links.md:3: broken link ../tutorials/basic.md#greet (no such file)");
  }

  @Test
  void brokenAnchorIsReportedAtItsLine() {
    EngineFixture f =
        new EngineFixture(temp)
            .mutate(
                "how-to/links.md",
                "config.md#server-configuration-2x",
                "config.md#server-configuration");

    assertThat(new LinkChecker(EngineFixture.ASCIIDOC).check(f.docs))
        .containsExactly(
            "docs/how-to/links.md:7: broken anchor ../reference/config.md#server-configuration (config.md has no #server-configuration)");
  }

  @Test
  void brokenAnchorIntoAsciiDocIsReported() {
    EngineFixture f =
        new EngineFixture(temp)
            .mutate("how-to/links.md", "basics.adoc#log-in", "basics.adoc#login");

    assertThat(new LinkChecker(EngineFixture.ASCIIDOC).check(f.docs))
        .singleElement()
        .asString()
        .contains("broken anchor ../tutorials/basics.adoc#login");
  }

  @ParameterizedTest(name = "{0} → #{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Server Configuration (2.x) | server-configuration-2x",
        "fake-cli auth | fake-cli-auth",
        "Step 1: Configure the Server URL | step-1-configure-the-server-url",
        "What's next? | whats-next"
      })
  void anchorsFollowGitHubRules(String heading, String anchor) {
    assertThat(Anchors.slug(heading)).isEqualTo(anchor);
  }

  @Test
  void repeatedHeadingsAreNumbered() {
    assertThat(Anchors.of(List.of("Expected output", "Expected output", "Expected output")))
        .containsExactly("expected-output", "expected-output-1", "expected-output-2");
  }
}
