package dev.doctest.prose;

import dev.doctest.model.DocTestException;
import dev.doctest.model.Source;
import dev.doctest.parse.AsciiDoc;
import java.util.List;

/**
 * Reads the prose of a {@code .md} or {@code .adoc} page into sentences with their code spans, each
 * at its line — the same for both markups, so a vocabulary never needs to know which it was.
 */
public final class ProseReader {
  private final AsciiDoc asciidoc;

  /** A reader that loads AsciiDoc pages with {@code asciidoc} (the run's one Asciidoctor). */
  public ProseReader(AsciiDoc asciidoc) {
    this.asciidoc = asciidoc;
  }

  /** The sentences of the page {@code source}, whose text is {@code text}, in reading order. */
  public List<Sentence> read(Source source, String text) {
    String name = source.file().getFileName().toString();
    if (name.endsWith(".md")) {
      return MarkdownProse.read(source, text);
    }
    if (name.endsWith(".adoc")) {
      return AsciiDocProse.read(source, text, asciidoc);
    }
    throw new DocTestException(source.at(1), "not a .md or .adoc document");
  }
}
