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
    return classifier.classify(source, markup(source, file), config.isExecutable(file));
  }

  /**
   * The files {@code file} tells its reader to write — its file blocks, by the rules {@link #parse}
   * classifies blocks with — for any page, also one outside the run folders: a reference page's
   * config example misleads as much as a tutorial's.
   */
  public List<PageFile> fileBlocks(Path file) {
    return classifier.fileBlocks(markup(config.source(file), file));
  }

  private ParsedMarkup markup(Source source, Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new DocTestException(source.at(1), "cannot read: " + e.getMessage());
    }
    String name = file.getFileName().toString();
    if (name.endsWith(".md")) {
      return new MarkdownParser().parse(source, text);
    } else if (name.endsWith(".adoc")) {
      AsciiDocParser parser = new AsciiDocParser(asciidoc);
      return asciidoc
          .readings()
          .map(kept -> kept.read(source, text, () -> parser.parse(source, text)))
          .orElseGet(() -> parser.parse(source, text));
    }
    throw new DocTestException(source.at(1), "not a .md or .adoc document");
  }

  /** Whether {@code file} is a document this parser reads. */
  public static boolean isDocument(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".md") || name.endsWith(".adoc");
  }
}
