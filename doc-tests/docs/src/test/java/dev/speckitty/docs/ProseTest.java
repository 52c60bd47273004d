package dev.speckitty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.config.DocTestConfig;
import dev.doctest.parse.DocumentParser;
import dev.doctest.prose.Finding;
import dev.doctest.prose.ProseCheck;
import dev.doctest.prose.ProseReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The prose of every page in {@code docs/} — all folders, Markdown and AsciiDoc — names only
 * commands, options, settings, variables, files and exit codes the CLI has: what a reader follows
 * in the words must work as surely as the checked code blocks.
 */
class ProseTest {
  /** The prose check of the docs set at {@code root} with the CLI's names. */
  static ProseCheck check(Path root) {
    return new ProseCheck(
        DocTestConfig.load(root), Docs.asciidoc(), new CliVocabulary(CliNames.CLI));
  }

  @Test
  void everyNameThePagesGiveTheCliExists() throws IOException {
    ProseReport report = check(Docs.ROOT).checkAll();

    assertThat(report.findings()).extracting(Finding::toString).isEmpty();
    long pages;
    try (Stream<Path> files = Files.walk(Docs.ROOT)) {
      pages = files.filter(DocumentParser::isDocument).count();
    }
    assertThat(report.pages()).isEqualTo(pages);
    assertThat(report.spans()).as("code spans that name the CLI").isGreaterThan(100);
    assertThat(report.files()).as("config examples").isGreaterThanOrEqualTo(2);
  }
}
