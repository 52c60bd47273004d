package dev.doctest.model;

import java.nio.file.Path;

/**
 * A document file and the path it is printed with ({@code docs/how-to/log-out.md}), so that every
 * location in it reads the same wherever the run was started from.
 *
 * @param file the file on disk
 * @param shown its path as printed
 */
public record Source(Path file, String shown) {
  /** The location of {@code line} (1-based) in this file. */
  public Location at(int line) {
    return new Location(file, shown, line);
  }

  /** The 1-based line of {@code text} that holds the character at {@code offset}. */
  public static int lineOf(String text, int offset) {
    return 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
  }

  /** Shows {@code file} relative to the folder above {@code docsRoot}: {@code docs/x.md}. */
  public static Source of(Path file, Path docsRoot) {
    Path abs = file.toAbsolutePath().normalize();
    Path root = docsRoot.toAbsolutePath().normalize();
    Path base = root.getParent() == null ? root : root.getParent();
    String shown = abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    return new Source(abs, shown);
  }
}
