package dev.doctest.parse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Document;
import org.asciidoctor.log.LogHandler;
import org.asciidoctor.log.LogRecord;

/**
 * The one Asciidoctor of a run, shared by the parser and the link checker: creating one costs
 * seconds (it starts JRuby), so it is made on first use and only if an AsciiDoc page is read. Every
 * use goes through this object's lock: the log handler it registers is the instance's, not the
 * call's.
 */
public final class AsciiDoc implements AutoCloseable {
  private final Optional<KeptReadings> readings;
  private Asciidoctor asciidoctor;

  /** An Asciidoctor that reads every page anew. */
  public AsciiDoc() {
    this.readings = Optional.empty();
  }

  /**
   * An Asciidoctor whose readings of pages are kept in {@code readings} and used again while a page
   * is unchanged (see {@link KeptReadings}): for the writers' loop, which reruns unchanged pages.
   */
  public AsciiDoc(Path readings) {
    this.readings = Optional.of(new KeptReadings(readings));
  }

  /** The kept readings, when this Asciidoctor keeps them. */
  Optional<KeptReadings> readings() {
    return readings;
  }

  /** A loaded document and what Asciidoctor logged while loading it. */
  public record Loaded(Document document, List<LogRecord> problems) {}

  /**
   * Loads {@code text} with its source map (block line numbers) and safe mode; includes resolve
   * from {@code baseDir} (the page's folder), as on the site.
   */
  public synchronized Loaded load(String text, Path baseDir) {
    if (asciidoctor == null) {
      asciidoctor = Asciidoctor.Factory.create();
    }
    List<LogRecord> problems = new ArrayList<>();
    LogHandler handler = problems::add;
    asciidoctor.registerLogHandler(handler);
    try {
      Document document =
          asciidoctor.load(
              text,
              Options.builder()
                  .sourcemap(true)
                  .safe(SafeMode.SAFE)
                  .baseDir(baseDir.toFile())
                  .build());
      return new Loaded(document, List.copyOf(problems));
    } finally {
      asciidoctor.unregisterLogHandler(handler);
    }
  }

  /** Renders {@code text} to HTML (the body only), as the site would. */
  public synchronized String html(String text, Path baseDir) {
    return load(text, baseDir).document().convert();
  }

  @Override
  public synchronized void close() {
    if (asciidoctor != null) {
      asciidoctor.shutdown();
      asciidoctor = null;
    }
  }
}
