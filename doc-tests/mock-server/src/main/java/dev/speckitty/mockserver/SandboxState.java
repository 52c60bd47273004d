package dev.speckitty.mockserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The sandbox's memory across restarts: the sessions it issued and the events readers pushed, in
 * {@code state.json} of a folder ({@code ~/.spec-kitty-sandbox} unless told otherwise). Without it,
 * restarting the sandbox ended every reader's session ("Session expired", credentials removed). The
 * state is saved shortly after every change and once more when the sandbox stops (Ctrl-C), so
 * neither loses a pushed event; one sandbox at a time uses a folder.
 */
final class SandboxState implements AutoCloseable {
  /** The folder under the home folder that holds the state unless {@code --state-dir} says. */
  static final String DEFAULT_FOLDER = ".spec-kitty-sandbox";

  static final String FILE = "state.json";

  /**
   * How long after a change the state is saved at the soonest: changes in between are saved
   * together. A large state waits longer, four times its last save, so saving a push of 100 000
   * events takes a fifth of one core at most.
   */
  static final long SAVE_DELAY_MILLIS = 200;

  /** The folder is in use by another sandbox. */
  static final class InUse extends Exception {
    InUse(Path dir) {
      super(dir.toString());
    }
  }

  private final Path dir;
  private final FileChannel lockFile;
  private final FileLock lock;
  private final ScheduledExecutorService saver =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sandbox-state-saver");
            t.setDaemon(true);
            return t;
          });
  // Lock order: writing (a save), then the state's own lock (its toJson()). A change arrives
  // holding the state's lock, so changed() takes no lock at all.
  private final Object writing = new Object();
  private final AtomicBoolean savePending = new AtomicBoolean();
  private volatile TeamServerState state;
  private volatile boolean closed;
  private volatile long lastSaveMillis;

  private SandboxState(Path dir, FileChannel lockFile, FileLock lock) {
    this.dir = dir;
    this.lockFile = lockFile;
    this.lock = lock;
  }

  /**
   * {@code $HOME/.spec-kitty-sandbox} ({@code HOME} from {@code env}, else the JVM's home folder).
   */
  static Path defaultDir(Map<String, String> env) {
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home).resolve(DEFAULT_FOLDER);
  }

  /** Creates {@code dir} if needed (only its owner may read it) and takes it for this sandbox. */
  static SandboxState open(Path dir) throws IOException, InUse {
    Path folder = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder);
      ownerOnly(folder, "rwx------");
    }
    FileChannel channel =
        FileChannel.open(
            folder.resolve("sandbox.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new InUse(folder);
    }
    return new SandboxState(folder, channel, lock);
  }

  Path dir() {
    return dir;
  }

  Path file() {
    return dir.resolve(FILE);
  }

  /** Forgets what the folder kept: {@code --fresh}. */
  void forget() throws IOException {
    Files.deleteIfExists(file());
  }

  /**
   * What the last run kept, if anything. A file that cannot be read is moved aside to {@code
   * state.json.damaged} and reported to {@code warnings}: the sandbox then starts empty.
   */
  Optional<JsonNode> saved(Consumer<String> warnings) {
    try {
      JsonNode saved = Responses.JSON.readTree(Files.readAllBytes(file()));
      if (saved == null || !saved.isObject()) {
        throw new IOException("not a JSON object");
      }
      return Optional.of(saved);
    } catch (NoSuchFileException none) {
      return Optional.empty();
    } catch (IOException | RuntimeException damaged) {
      Path aside = dir.resolve(FILE + ".damaged");
      try {
        Files.move(file(), aside, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        // Reported below; the next save replaces it.
      }
      warnings.accept(
          "⚠ Cannot read the saved state "
              + file()
              + " ("
              + damaged.getMessage()
              + "); starting empty. The file is kept as "
              + aside
              + ".");
      return Optional.empty();
    }
  }

  /** Saves {@code state} shortly after each change from now on, and when this closes. */
  void keep(TeamServerState state) {
    this.state = state;
    state.onChange(this::changed);
  }

  private void changed() {
    if (closed || !savePending.compareAndSet(false, true)) {
      return;
    }
    try {
      saver.schedule(
          this::saveNow, Math.max(SAVE_DELAY_MILLIS, 4 * lastSaveMillis), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      // close() saves once more.
    }
  }

  /** Writes the state now: to a new file first, then in place of the old one. */
  void saveNow() {
    synchronized (writing) {
      savePending.set(false);
      if (state != null) {
        long start = System.nanoTime();
        write(state.toJson());
        lastSaveMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      }
    }
  }

  private void write(JsonNode json) {
    Path tmp = dir.resolve(FILE + ".tmp");
    try {
      Files.deleteIfExists(tmp);
      Files.createFile(tmp);
      ownerOnly(tmp, "rw-------");
      Files.write(tmp, Responses.JSON.writeValueAsBytes(json));
      try {
        Files.move(
            tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      System.err.println("⚠ Cannot save the sandbox state to " + file() + ": " + e.getMessage());
    }
  }

  /** Saves once more and lets another sandbox use the folder. */
  @Override
  public void close() {
    closed = true;
    saver.shutdown(); // not shutdownNow(): an interrupt would break a save under way
    saveNow();
    try {
      lock.release();
      lockFile.close();
    } catch (IOException e) {
      // The lock goes with the process anyway.
    }
  }

  private static void ownerOnly(Path path, String permissions) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }
}
