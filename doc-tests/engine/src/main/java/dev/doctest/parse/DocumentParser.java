package dev.doctest.parse;

import dev.doctest.config.DocTestConfig;
import dev.doctest.model.DocTestException;
import dev.doctest.model.DocumentSpec;
import dev.doctest.model.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a {@code .md} or {@code .adoc} document into its {@link DocumentSpec}. */
public final class DocumentParser {
  private final DocTestConfig config;
  private final Classifier classifier;
  private final AsciiDoc asciidoc;

  /**
   * @param states the world's state names, which {@code scenario=} may use
   * @param asciidoc the run's Asciidoctor (created only if an AsciiDoc page is read)
   */
  public DocumentParser(DocTestConfig config, List<String> states, AsciiDoc asciidoc) {
    this.config = config;
    this.classifier = new Classifier(config, states);
    this.asciidoc = asciidoc;
  }

  public DocumentSpec parse(Path file) {
    Source source = config.source(file);
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new DocTestException(source.at(1), "cannot read: " + e.getMessage());
    }
    String name = file.getFileName().toString();
    ParsedMarkup markup;
    if (name.endsWith(".md")) {
      markup = new MarkdownParser().parse(source, text);
    } else if (name.endsWith(".adoc")) {
      markup = new AsciiDocParser(asciidoc).parse(source, text);
    } else {
      throw new DocTestException(source.at(1), "not a .md or .adoc document");
    }
    return classifier.classify(source, markup, config.isExecutable(file));
  }

  /** Whether {@code file} is a document this parser reads. */
  public static boolean isDocument(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".md") || name.endsWith(".adoc");
  }
}
