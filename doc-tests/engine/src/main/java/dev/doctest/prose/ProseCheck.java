package dev.doctest.prose;

import dev.doctest.config.DocTestConfig;
import dev.doctest.model.DocTestException;
import dev.doctest.model.Location;
import dev.doctest.model.Source;
import dev.doctest.model.Step;
import dev.doctest.parse.AsciiDoc;
import dev.doctest.parse.DocumentParser;
import dev.doctest.parse.PageFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks the prose of a docs set against a product's {@link Vocabulary}: every code span of every
 * page (all folders, not only the ones that run) and every file block a page tells its reader to
 * write. A name that does not exist is a {@link Finding} at its {@code file:line}; a name marked as
 * not existing ({@link Marker}) is let through — unless it does exist, when the marker is the
 * mistake.
 */
public final class ProseCheck {
  private final DocTestConfig config;
  private final Vocabulary vocabulary;
  private final ProseReader reader;
  private final DocumentParser parser;

  /**
   * A check of the docs set {@code config} describes; AsciiDoc pages load with {@code asciidoc}.
   */
  public ProseCheck(DocTestConfig config, AsciiDoc asciidoc, Vocabulary vocabulary) {
    this.config = config;
    this.vocabulary = vocabulary;
    this.reader = new ProseReader(asciidoc);
    this.parser = new DocumentParser(config, List.of(), asciidoc);
  }

  /** Checks every {@code .md} and {@code .adoc} page under the docs root, in path order. */
  public ProseReport checkAll() {
    try (Stream<Path> files = Files.walk(config.root())) {
      return check(files.filter(DocumentParser::isDocument).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks {@code pages}. */
  public ProseReport check(List<Path> pages) {
    List<Finding> findings = new ArrayList<>();
    int spans = 0;
    int files = 0;
    for (Path page : pages) {
      Source source = config.source(page);
      String text;
      try {
        text = Files.readString(page);
      } catch (IOException e) {
        findings.add(new Finding(source.at(1), "cannot read: " + e.getMessage()));
        continue;
      }
      try {
        for (Sentence sentence : reader.read(source, text)) {
          spans += judge(sentence, findings);
        }
        List<String> lines = text.lines().toList();
        for (PageFile file : parser.fileBlocks(page)) {
          findings.addAll(vocabulary.judgeFile(fileBlock(file, lines)));
          files++;
        }
      } catch (DocTestException e) {
        findings.add(finding(e));
      }
    }
    return new ProseReport(findings, pages.size(), spans, files);
  }

  /** Adds the sentence's findings; returns how many of its spans the vocabulary recognised. */
  private int judge(Sentence sentence, List<Finding> findings) {
    int recognised = 0;
    for (CodeSpan span : sentence.spans()) {
      Verdict verdict = vocabulary.judge(span, sentence);
      if (verdict.recognised()) {
        recognised++;
      }
      if (!span.marked()) {
        verdict.unknown().forEach(message -> findings.add(new Finding(span.at(), message)));
      } else if (verdict.recognised() && verdict.unknown().isEmpty()) {
        findings.add(
            new Finding(
                span.at(),
                "`"
                    + span.text()
                    + "` is marked as not existing, but it does: remove the marker after it"));
      }
    }
    findings.addAll(vocabulary.judgeWords(sentence));
    return recognised;
  }

  /**
   * The file block with the page line of its first line: the line after the fence or delimiter
   * (found by its text, so an indented block is placed right too).
   */
  private static FileBlock fileBlock(PageFile page, List<String> lines) {
    Step.WriteFile file = page.file();
    Location at = file.location();
    String first = file.content().lines().findFirst().orElse("").strip();
    int line = at.line() + 1;
    for (int i = at.line() - 1; i < Math.min(lines.size(), at.line() + 2); i++) {
      if (i >= 0 && lines.get(i).strip().equals(first)) {
        line = i + 1;
        break;
      }
    }
    return new FileBlock(at.atLine(line), file.path(), file.content(), page.writtenToFail());
  }

  private static Finding finding(DocTestException e) {
    String prefix = e.location() + ": ";
    String message = e.getMessage();
    return new Finding(
        e.location(), message.startsWith(prefix) ? message.substring(prefix.length()) : message);
  }
}
