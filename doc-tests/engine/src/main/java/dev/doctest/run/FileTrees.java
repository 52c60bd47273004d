package dev.doctest.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Copying and deleting whole folders: how a workspace saves and restores its state, and how a test
 * takes a copy of a docs set (or any folder) to change without touching the original. One routine
 * for both, so a copy keeps what the original had (permissions, times, links) wherever it is made.
 */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Copies the folder {@code from} with everything in it to {@code to}: permissions and times kept,
   * links copied as links, files already at {@code to} replaced.
   *
   * @return {@code to}
   */
  public static Path copy(Path from, Path to) {
    walk(
        from,
        dir -> Files.createDirectories(to.resolve(from.relativize(dir).toString())),
        file ->
            Files.copy(
                file,
                to.resolve(from.relativize(file).toString()),
                StandardCopyOption.COPY_ATTRIBUTES,
                StandardCopyOption.REPLACE_EXISTING,
                LinkOption.NOFOLLOW_LINKS),
        (dir, failure) -> {
          if (failure != null) {
            throw failure;
          }
          // Last: a read-only folder must still take its entries (a user other than root).
          Files.setPosixFilePermissions(
              to.resolve(from.relativize(dir).toString()), Files.getPosixFilePermissions(dir));
        });
    return to;
  }

  /** Deletes the folder {@code dir} with everything in it, read-only folders too; none is fine. */
  public static void delete(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    walk(
        dir,
        // A step may have made a folder read-only: the workspace is still ours to delete.
        d -> d.toFile().setWritable(true, true),
        Files::delete,
        (d, failure) -> Files.delete(d));
  }

  private interface OnPath {
    void accept(Path path) throws IOException;
  }

  private interface AfterDirectory {
    /** {@code failure}: why not every entry of {@code dir} was visited, or null. */
    void accept(Path dir, IOException failure) throws IOException;
  }

  /** Visits a folder in order, links not followed: each folder before and after its entries. */
  private static void walk(
      Path root, OnPath beforeDirectory, OnPath onFile, AfterDirectory afterDirectory) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              beforeDirectory.accept(dir);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              onFile.accept(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                throws IOException {
              afterDirectory.accept(dir, failure);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
