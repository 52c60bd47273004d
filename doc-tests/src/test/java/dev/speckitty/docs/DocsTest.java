package dev.speckitty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.cli.core.VersionProvider;
import dev.speckitty.doctest.report.DocTestSuite;
import dev.speckitty.doctest.report.LinkChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The docs, run as readers would: every tutorial and how-to against the packaged CLI and a mock
 * server ({@code -Ddoctest.update=true} rewrites drifted output), and every link checked.
 */
class DocsTest {
  @TestFactory
  Stream<DynamicNode> everyTutorialAndHowToRunsAsWritten() {
    DocTestSuite suite =
        new DocTestSuite(
            Docs.config(Docs.ROOT),
            Docs.settings(),
            Path.of("target/doctest-reports"),
            VersionProvider.version(),
            Boolean.getBoolean("doctest.update"),
            Math.max(2, Runtime.getRuntime().availableProcessors()));
    return suite.tests(suite.documents());
  }

  @Test
  void everyRelativeLinkAndAnchorResolves() {
    assertThat(new LinkChecker().check(Docs.ROOT)).isEmpty();
  }

  @Test
  void theServerTutorialLinksExactlyWhereItsSpecificationSays() throws Exception {
    String tutorial = Files.readString(Docs.ROOT.resolve("tutorials/server-connection.md"));

    assertThat(tutorial)
        .startsWith(
            "<!-- doctest-document: continues=your-first-feature.md -->\n# Connect to a Spec Kitty Server\n")
        .contains(
            "## Step 1: Configure the Server URL",
            "## Step 2: Log In",
            "## Step 3: Verify Your Connection",
            "## Step 4: Sync Your Events",
            "## Next Steps",
            "## See Also",
            "](../how-to/use-saas-dashboard.md)",
            "](../explanations/sync-architecture.md)",
            "](../how-to/sync-to-server.md)",
            "](../how-to/authenticate.md)",
            "](../reference/cli-commands.md#spec-kitty-auth)",
            "](../reference/cli-commands.md#spec-kitty-sync)",
            "](../reference/configuration.md#server-configuration-2x)",
            "**Time estimate**: 5 minutes");
    assertThat(tutorial.split("\\*\\*Expected state\\*\\*")).hasSize(5);
  }
}
