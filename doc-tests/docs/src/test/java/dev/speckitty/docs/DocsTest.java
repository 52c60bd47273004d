package dev.speckitty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.DocTests;
import dev.doctest.junit.DocTestNodes;
import dev.doctest.report.LinkChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The docs, run as readers would: every tutorial and how-to against the packaged CLI and a mock
 * server, and every link checked. {@code -Ddoctest.pages=how-to/authenticate.md,…} runs only those
 * pages (and the pages they continue); {@code -Ddoctest.update=true} rewrites drifted output.
 */
class DocsTest {
  private static final DocTests ENGINE =
      Docs.engine(Docs.ROOT, Docs.REPORTS, Boolean.getBoolean("doctest.update"));

  @AfterAll
  static void close() {
    ENGINE.close();
  }

  @TestFactory
  Stream<DynamicNode> everyTutorialAndHowToRunsAsWritten() {
    System.out.println(ENGINE.confinement().describe());
    return DocTestNodes.of(ENGINE, pages());
  }

  /** The pages {@code -Ddoctest.pages} names, or every executable page. */
  private static List<Path> pages() {
    String wanted = System.getProperty("doctest.pages", "").strip();
    if (wanted.isEmpty()) {
      return ENGINE.documents();
    }
    return Arrays.stream(wanted.split(","))
        .map(String::strip)
        .map(p -> Docs.ROOT.resolve(p.startsWith("docs/") ? p.substring(5) : p))
        .toList();
  }

  @Test
  void everyRelativeLinkAndAnchorResolves() {
    assertThat(new LinkChecker(ENGINE.asciidoc()).check(Docs.ROOT)).isEmpty();
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
