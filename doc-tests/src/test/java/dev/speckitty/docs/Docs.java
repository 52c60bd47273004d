package dev.speckitty.docs;

import dev.speckitty.doctest.config.DocTestConfig;
import dev.speckitty.doctest.model.Location;
import dev.speckitty.doctest.run.RunSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where the real docs and the built CLI are, for the tests over {@code docs/}. */
final class Docs {
  static final Path ROOT = Path.of(System.getProperty("docs.dir")).toAbsolutePath().normalize();
  static final Path LAUNCHER_DIR =
      Path.of(System.getProperty("spec-kitty.launcher")).toAbsolutePath().getParent();
  static final Path OPENAPI = ROOT.resolve("reference/server-api.openapi.yaml");

  static {
    Location.relativeTo(ROOT.getParent());
  }

  private Docs() {}

  static DocTestConfig config(Path root) {
    return DocTestConfig.load(root);
  }

  static RunSettings settings() {
    Map<String, String> outer = new java.util.HashMap<>(System.getenv());
    outer.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
    return new RunSettings(LAUNCHER_DIR, outer, Optional.of(OPENAPI));
  }
}
