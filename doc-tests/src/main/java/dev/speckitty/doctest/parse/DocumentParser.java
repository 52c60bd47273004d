package dev.speckitty.doctest.parse;

import dev.speckitty.doctest.config.DocTestConfig;
import dev.speckitty.doctest.model.DocTestException;
import dev.speckitty.doctest.model.DocumentSpec;
import dev.speckitty.doctest.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a {@code .md} or {@code .adoc} document into its {@link DocumentSpec}. */
public final class DocumentParser {
  private final DocTestConfig config;
  private final Classifier classifier;

  public DocumentParser(DocTestConfig config) {
    this.config = config;
    this.classifier = new Classifier(config);
  }

  public DocumentSpec parse(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new DocTestException(new Location(file, 1), "cannot read: " + e.getMessage());
    }
    String name = file.getFileName().toString();
    ParsedMarkup markup;
    if (name.endsWith(".md")) {
      markup = new MarkdownParser().parse(file, text);
    } else if (name.endsWith(".adoc")) {
      markup = new AsciiDocParser().parse(file, text);
    } else {
      throw new DocTestException(new Location(file, 1), "not a .md or .adoc document");
    }
    return classifier.classify(file, markup, config.isExecutable(file));
  }

  /** Whether {@code file} is a document this parser reads. */
  public static boolean isDocument(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".md") || name.endsWith(".adoc");
  }
}
