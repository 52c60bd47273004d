package dev.speckitty.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.doctest.report.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a finished site was built from, written next to it: whether it is verified, where its docs,
 * reports, CLI and engine were, and the fingerprints of the docs and of the site's own sources.
 * {@code ./serve} reads it to serve a verified build again in seconds when nothing it rests on has
 * changed since.
 */
record BuildStamp(
    boolean verified,
    String site,
    String docs,
    String reports,
    String cli,
    String engine,
    String sources,
    String docsSha256,
    String sourcesSha256) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static BuildStamp of(SiteSettings s) {
    return new BuildStamp(
        s.verified(),
        s.site().toString(),
        s.docs().toString(),
        s.reports().toString(),
        s.cli().toString(),
        s.engine().toString(),
        s.sources() == null ? "" : s.sources().toString(),
        Fingerprint.ofTree(s.docs()),
        sourcesFingerprint(s.sources()));
  }

  /** The site module's sources (layout, styles, scripts, this code; not its tests) and pom. */
  static String sourcesFingerprint(Path module) {
    if (module == null) {
      return "";
    }
    return Fingerprint.ofTree(module.resolve("src/main"))
        + Fingerprint.ofTree(module.resolve("src/site"))
        + Fingerprint.of(module.resolve("pom.xml"));
  }

  void write(Path file) {
    try {
      Files.createDirectories(file.getParent());
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BuildStamp read(Path file) {
    try {
      return JSON.readValue(file.toFile(), BuildStamp.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
