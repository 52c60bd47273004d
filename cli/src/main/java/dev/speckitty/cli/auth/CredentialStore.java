package dev.speckitty.cli.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.speckitty.cli.config.ServerUrl;
import dev.speckitty.cli.core.CliException;
import dev.speckitty.cli.core.ExclusiveLock;
import dev.speckitty.cli.core.Failure;
import dev.speckitty.cli.core.Json;
import dev.speckitty.cli.core.StatePaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the session in {@code ~/.spec-kitty/credentials.json}: directory 0700, file 0600, written
 * to a temporary file and moved into place under a file lock, so a crash or a second spec-kitty
 * process never leaves half a file or a readable token.
 */
public final class CredentialStore {
  static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final StatePaths paths;

  public CredentialStore(StatePaths paths) {
    this.paths = paths;
  }

  public Path file() {
    return paths.credentials();
  }

  /** The stored session, empty when nobody is logged in. */
  public Optional<Credentials> load() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw Failure.CREDENTIALS_UNREADABLE.with("file", file(), "reason", e.getMessage());
    }
    try {
      JsonNode n = Json.mapper().readTree(bytes);
      return Optional.of(
          new Credentials(
              new ServerUrl(text(n, "server")),
              text(n, "username"),
              n.path("team_slug").asText(""),
              text(n, "access_token"),
              Instant.parse(text(n, "access_expires_at")),
              text(n, "refresh_token"),
              Instant.parse(text(n, "refresh_expires_at"))));
    } catch (IOException | DateTimeParseException | IllegalStateException e) {
      throw Failure.CREDENTIALS_DAMAGED.with("file", file());
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalStateException("missing " + field);
    }
    return v.asText();
  }

  /** Replaces the stored session atomically. */
  public void save(Credentials c) {
    try {
      withLock(() -> writeAtomically(json(c)));
    } catch (IOException e) {
      throw Failure.CREDENTIALS_NOT_SAVED.with("file", file(), "reason", e.getMessage());
    }
  }

  /** What a locked action sees and may do while it holds the credentials lock. */
  public interface Locked {
    /** The session on disk now (re-read after locking). */
    Optional<Credentials> current();

    /** Replaces the stored session. */
    void save(Credentials c);

    /** Deletes the stored session. */
    void clear();
  }

  /** An action run under the credentials lock. */
  public interface LockedAction<T, E extends Exception> {
    T run(Locked locked) throws E;
  }

  /**
   * Runs {@code action} holding the credentials lock, so that no other spec-kitty process reads a
   * half-done change or changes the session meanwhile — e.g. two commands refreshing one token.
   */
  public <T, E extends Exception> T whileLocked(LockedAction<T, E> action) throws E {
    Locked locked =
        new Locked() {
          @Override
          public Optional<Credentials> current() {
            return load();
          }

          @Override
          public void save(Credentials c) {
            try {
              writeAtomically(json(c));
            } catch (IOException e) {
              throw Failure.CREDENTIALS_NOT_SAVED.with("file", file(), "reason", e.getMessage());
            }
          }

          @Override
          public void clear() {
            try {
              Files.deleteIfExists(file());
            } catch (IOException e) {
              throw Failure.CREDENTIALS_NOT_REMOVED.with("file", file(), "reason", e.getMessage());
            }
          }
        };
    ExclusiveLock lock;
    try {
      ensurePrivateDir();
      lock = ExclusiveLock.acquire(paths.credentialsLock());
    } catch (IOException e) {
      throw Failure.CREDENTIALS_UNREADABLE.with(
          "file", paths.credentialsLock(), "reason", e.getMessage());
    }
    try {
      return action.run(locked);
    } finally {
      try {
        lock.close();
      } catch (IOException ignored) {
        // Closing the lock file releases the lock; nothing is left to do.
      }
    }
  }

  private static byte[] json(Credentials c) throws IOException {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("server", c.server().value());
    n.put("username", c.username());
    n.put("team_slug", c.teamSlug());
    n.put("access_token", c.accessToken());
    n.put("access_expires_at", c.accessExpiresAt().toString());
    n.put("refresh_token", c.refreshToken());
    n.put("refresh_expires_at", c.refreshExpiresAt().toString());
    return Json.mapper().writeValueAsBytes(n);
  }

  /** What {@link #remove()} found and deleted. */
  public sealed interface Removed {
    /** A session, now deleted. */
    record Session(Credentials credentials) implements Removed {}

    /** A credentials file that could not be read, now deleted. */
    record DamagedFile(Path file) implements Removed {}

    /** Nothing: nobody was logged in. */
    record Nothing() implements Removed {}
  }

  /** Deletes the stored session, damaged or not, and says what there was. */
  public Removed remove() {
    Optional<Credentials> previous;
    boolean damaged = false;
    try {
      previous = load();
    } catch (CliException unreadable) {
      previous = Optional.empty();
      damaged = true;
    }
    if (!clear()) {
      return new Removed.Nothing();
    }
    return previous.isPresent()
        ? new Removed.Session(previous.get())
        : damaged ? new Removed.DamagedFile(file()) : new Removed.Nothing();
  }

  /** Deletes the stored session; returns whether there was one. */
  public boolean clear() {
    try {
      boolean[] existed = {false};
      if (Files.isDirectory(paths.dir())) {
        withLock(() -> existed[0] = Files.deleteIfExists(file()));
      }
      return existed[0];
    } catch (IOException e) {
      throw Failure.CREDENTIALS_NOT_REMOVED.with("file", file(), "reason", e.getMessage());
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }

  @SuppressWarnings("try") // the lock is held by being open, not by being used
  private void withLock(IoAction action) throws IOException {
    ensurePrivateDir();
    try (ExclusiveLock lock = ExclusiveLock.acquire(paths.credentialsLock())) {
      action.run();
    }
  }

  private void ensurePrivateDir() throws IOException {
    if (POSIX) {
      if (!Files.isDirectory(paths.dir())) {
        Files.createDirectories(paths.dir(), PosixFilePermissions.asFileAttribute(DIR_MODE));
      }
      // The reader may have made it with `mkdir -p` (0755): tighten it, tokens live here.
      Files.setPosixFilePermissions(paths.dir(), DIR_MODE);
    } else {
      Files.createDirectories(paths.dir());
    }
  }

  private void writeAtomically(byte[] bytes) throws IOException {
    Path tmp =
        POSIX
            ? Files.createTempFile(
                paths.dir(),
                ".credentials-",
                ".tmp",
                PosixFilePermissions.asFileAttribute(FILE_MODE))
            : Files.createTempFile(paths.dir(), ".credentials-", ".tmp");
    try {
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      try {
        Files.move(
            tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
