package dev.speckitty.cli.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The files one workflow command writes, remembered so that they can be taken back: when the
 * command's events cannot be recorded, {@link #undo()} restores every file it replaced and removes
 * every file and folder it created, so no file change outlives a missing event.
 */
final class FileChanges {
  private interface Undo {
    void run() throws IOException;
  }

  private final Deque<Undo> undo = new ArrayDeque<>();

  /** Creates {@code dir} and its missing parents, remembering each one made. */
  void createDirectories(Path dir) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path d = dir.toAbsolutePath(); d != null && !Files.exists(d); d = d.getParent()) {
      missing.add(0, d);
    }
    for (Path d : missing) {
      Files.createDirectory(d);
      undo.push(() -> Files.deleteIfExists(d));
    }
  }

  /**
   * Writes {@code text} to {@code file} whole (via a temporary file), remembering what was there.
   */
  void write(Path file, String text) throws IOException {
    createDirectories(file.getParent());
    if (Files.isRegularFile(file)) {
      byte[] before = Files.readAllBytes(file);
      replace(file, text.getBytes(StandardCharsets.UTF_8));
      undo.push(() -> replace(file, before));
    } else {
      replace(file, text.getBytes(StandardCharsets.UTF_8));
      undo.push(() -> Files.deleteIfExists(file));
    }
  }

  /** Takes back every change, newest first; a change that cannot be taken back is skipped. */
  void undo() {
    while (!undo.isEmpty()) {
      try {
        undo.pop().run();
      } catch (IOException | RuntimeException e) {
        // Best effort: the rest is still taken back, and the command reports its first failure.
      }
    }
  }

  private static void replace(Path file, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
