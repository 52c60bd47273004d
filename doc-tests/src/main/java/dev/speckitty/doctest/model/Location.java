package dev.speckitty.doctest.model;

import java.nio.file.Path;

/**
 * Where something is in the docs: a file and a 1-based line. Printed as {@code
 * docs/tutorials/server-connection.md:97}, the form editors and CI logs link to.
 *
 * @param file the document
 * @param line 1-based line number
 */
public record Location(Path file, int line) {
  /** The base printed paths are relative to (the repository root), set once per run. */
  private static volatile Path base = Path.of("").toAbsolutePath();

  public static void relativeTo(Path root) {
    base = root.toAbsolutePath().normalize();
  }

  /** The file as printed: relative to the repository root when inside it. */
  public String path() {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
  }

  @Override
  public String toString() {
    return path() + ":" + line;
  }
}
