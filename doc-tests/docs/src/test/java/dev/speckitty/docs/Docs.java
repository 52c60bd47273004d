package dev.speckitty.docs;

import dev.doctest.DocTests;
import dev.doctest.config.DocTestConfig;
import dev.doctest.parse.AsciiDoc;
import dev.doctest.run.Confinement;
import dev.doctest.run.FileTrees;
import dev.doctest.run.RunSettings;
import dev.speckitty.cli.core.VersionProvider;
import java.nio.file.Path;
import java.util.Map;

/** Where the real docs and the built CLI are, and the engine set up to run them. */
final class Docs {
  static final Path ROOT = Path.of(System.getProperty("docs.dir")).toAbsolutePath().normalize();
  static final Path LAUNCHER_DIR =
      Path.of(System.getProperty("spec-kitty.launcher")).toAbsolutePath().getParent();
  static final Path OPENAPI = ROOT.resolve("reference/server-api.openapi.yaml");
  static final Path REPORTS =
      Path.of(System.getProperty("doctest.reports", "target/doctest-reports"));

  /** How steps run here: confined by bubblewrap where it works (checked once). */
  static final Confinement CONFINEMENT = Confinement.detect();

  private Docs() {}

  /**
   * One Asciidoctor for every test here (each costs seconds to start: JRuby); it lives as long as
   * the test JVM.
   */
  static AsciiDoc asciidoc() {
    return OneAsciiDoc.INSTANCE;
  }

  private static final class OneAsciiDoc {
    static final AsciiDoc INSTANCE = new AsciiDoc();
  }

  static RunSettings settings() {
    Map<String, String> outer = new java.util.HashMap<>(System.getenv());
    outer.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
    return new RunSettings(LAUNCHER_DIR, outer);
  }

  /** The engine over the docs set at {@code root} with the team server world. */
  static DocTests engine(Path root, Path reports, boolean update) {
    return new DocTests(
        DocTestConfig.load(root),
        settings(),
        new TeamServerWorld(),
        CONFINEMENT,
        new DocTests.Options(
            reports,
            VersionProvider.version(),
            update,
            Math.max(2, Runtime.getRuntime().availableProcessors())),
        asciidoc());
  }

  /** A copy of the real docs in {@code dir}/docs, for a test to mutate. */
  static Path copyIn(Path dir) {
    return FileTrees.copy(ROOT, dir.resolve("docs"));
  }
}
