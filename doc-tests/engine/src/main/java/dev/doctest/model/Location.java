package dev.doctest.model;

import java.nio.file.Path;

/**
 * Where something is in the docs: a file and a 1-based line, printed as {@code
 * docs/tutorials/server-connection.md:97} — the form editors and CI logs link to.
 *
 * @param file the document
 * @param shown the document's path as printed (relative to the folder that holds the docs)
 * @param line 1-based line number
 */
public record Location(Path file, String shown, int line) {
  /** Another line of the same file. */
  public Location atLine(int other) {
    return new Location(file, shown, other);
  }

  @Override
  public String toString() {
    return shown + ":" + line;
  }
}
