package dev.speckitty.cli.core;

import java.nio.file.Path;

/**
 * Where spec-kitty keeps its state, named once: {@code ~/.spec-kitty/} and the files in it. Every
 * command and test finds config, credentials and queue through these methods (messages name them as
 * a reader sees them, {@code ~/.spec-kitty/config.toml}).
 *
 * @param dir the state folder, {@code ~/.spec-kitty}
 */
public record StatePaths(Path dir) {
  /** The state folder under the home folder {@code home}. */
  public static StatePaths inHome(Path home) {
    return new StatePaths(home.resolve(".spec-kitty"));
  }

  /** {@code config.toml}: the server URL. */
  public Path config() {
    return dir.resolve("config.toml");
  }

  /** {@code credentials.json}: the session's tokens (mode 0600). */
  public Path credentials() {
    return dir.resolve("credentials.json");
  }

  /** {@code credentials.lock}: held while the credentials are read-and-replaced. */
  public Path credentialsLock() {
    return dir.resolve("credentials.lock");
  }

  /** {@code sync.lock}: held by the one {@code sync now} that runs at a time. */
  public Path syncLock() {
    return dir.resolve("sync.lock");
  }

  /** {@code queue.db}: the event queue (SQLite). */
  public Path queue() {
    return dir.resolve("queue.db");
  }
}
