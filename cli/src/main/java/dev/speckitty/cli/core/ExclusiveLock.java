package dev.speckitty.cli.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a lock file, held until {@link #close()}: between processes by an OS file
 * lock, and between threads of one process by a lock per file (the OS lock cannot tell two threads
 * apart). Used for the credentials, the sync and each project.
 */
public final class ExclusiveLock implements AutoCloseable {
  /**
   * The one mutable static of the CLI, on purpose: the OS lock belongs to the whole JVM (a second
   * lock of the same file in one JVM throws instead of waiting), so the lock between its threads
   * must be JVM-wide too. It holds one entry per lock file used: a handful.
   */
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  private static final long POLL_MILLIS = 50;

  private final ReentrantLock threads;
  private final FileChannel channel;
  private final FileLock lock;

  private ExclusiveLock(ReentrantLock threads, FileChannel channel, FileLock lock) {
    this.threads = threads;
    this.channel = channel;
    this.lock = lock;
  }

  /** Waits as long as it takes for the lock on {@code file} (created if missing). */
  public static ExclusiveLock acquire(Path file) throws IOException {
    return tryAcquire(file, Duration.ofDays(365)).orElseThrow();
  }

  /** The lock on {@code file}, or empty when another holder keeps it longer than {@code wait}. */
  public static Optional<ExclusiveLock> tryAcquire(Path file, Duration wait) throws IOException {
    long deadline = System.nanoTime() + wait.toNanos();
    ReentrantLock threads =
        IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new ReentrantLock());
    if (threads.isHeldByCurrentThread()) {
      throw new IllegalStateException("lock taken twice by one thread: " + file);
    }
    try {
      if (!threads.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      while (true) {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          return Optional.of(new ExclusiveLock(threads, channel, lock));
        }
        if (System.nanoTime() >= deadline) {
          channel.close();
          threads.unlock();
          return Optional.empty();
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      threads.unlock();
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.close();
      threads.unlock();
      return Optional.empty();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
      channel.close();
    } finally {
      threads.unlock();
    }
  }
}
