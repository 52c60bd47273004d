package dev.speckitty.site.verify;

import dev.doctest.DocTests;
import dev.doctest.report.Fingerprint;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fingerprints of what the site renders and publishes as verified, computed now (once each):
 * the pages, {@code doctest.toml}, the CLI installation and the doc-test engine's code. A report
 * vouches for a page only if the fingerprints it recorded are these.
 */
public final class CurrentFiles {
  private final Path docs;
  private final Path cli;
  private final Path engine;
  private final Map<String, String> cache = new HashMap<>();

  /**
   * @param docs the docs folder
   * @param cli the CLI installation folder the doc-tests ran ({@code cli/target/spec-kitty})
   * @param engine the engine's jar or classes folder
   */
  public CurrentFiles(Path docs, Path cli, Path engine) {
    this.docs = docs;
    this.cli = cli;
    this.engine = engine;
  }

  /** The engine this code runs with: in a build, the one its doc-tests ran on. */
  public static Path engineOnClassPath() {
    try {
      return Path.of(DocTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path docs() {
    return docs;
  }

  public Path cli() {
    return cli;
  }

  public Path engine() {
    return engine;
  }

  /** The SHA-256 of a page under the docs folder, if it exists. */
  public Optional<String> page(String document) {
    Path file = docs.resolve(document).normalize();
    if (!file.startsWith(docs.normalize()) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(cache.computeIfAbsent("page:" + document, k -> Fingerprint.of(file)));
  }

  public String config() {
    return cache.computeIfAbsent("config", k -> Fingerprint.of(docs.resolve("doctest.toml")));
  }

  /** The CLI installation's fingerprint, or "" when it is not built. */
  public String cliBuild() {
    return cache.computeIfAbsent("cli", k -> Files.isDirectory(cli) ? Fingerprint.ofTree(cli) : "");
  }

  /** The engine's fingerprint, or "" when it is not there. */
  public String engineBuild() {
    return cache.computeIfAbsent(
        "engine", k -> Files.exists(engine) ? Fingerprint.ofPath(engine) : "");
  }
}
