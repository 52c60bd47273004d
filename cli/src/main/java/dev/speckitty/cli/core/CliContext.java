package dev.speckitty.cli.core;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a command takes from the outside world — environment, home directory, standard input,
 * terminal, clock — so that tests run the CLI in-process against a temporary HOME and a fixed
 * clock, and never touch the real one.
 *
 * @param env the process environment
 * @param home the user's home directory ({@code $HOME}); {@code ~/.spec-kitty} lives under it
 * @param cwd the working directory, where project commands look for {@code .kittify/}
 * @param stdin standard input, read when it is not a terminal
 * @param interactive whether stdin and stdout are a terminal (prompts then use JLine)
 * @param clock the clock token expiries and event timestamps are measured with
 */
public record CliContext(
    Map<String, String> env,
    Path home,
    Path cwd,
    InputStream stdin,
    boolean interactive,
    Clock clock) {

  /** Environment variable that overrides {@code [server] url} from the config file. */
  public static final String SERVER_URL_ENV = "SPEC_KITTY_SERVER_URL";

  /** Environment variable that sets the network timeout in seconds (default 10). */
  public static final String HTTP_TIMEOUT_ENV = "SPEC_KITTY_HTTP_TIMEOUT";

  /** The context of the running process. */
  public static CliContext fromSystem() {
    Map<String, String> env = System.getenv();
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return new CliContext(
        env,
        Path.of(home),
        Path.of("").toAbsolutePath(),
        System.in,
        System.console() != null,
        Clock.tickMillis(java.time.ZoneOffset.UTC));
  }

  /**
   * A context that reaches nothing real, for building the command model only (the reference checks,
   * the man pages) — never for running a command.
   */
  public static CliContext detached() {
    Path nowhere = Path.of("/nonexistent");
    return new CliContext(
        Map.of(), nowhere, nowhere, InputStream.nullInputStream(), false, Clock.systemUTC());
  }

  /** {@code ~/.spec-kitty} and the files in it: config, credentials and the event queue. */
  public StatePaths state() {
    return StatePaths.inHome(home);
  }

  /** An environment variable, empty when unset or blank. */
  public Optional<String> envVar(String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
  }

  /**
   * How long one request may take in all (connect, headers, body) before it counts as timed out:
   * {@code SPEC_KITTY_HTTP_TIMEOUT} seconds, from 0.001 to 3600, default 10.
   */
  public Duration httpTimeout() {
    Optional<String> raw = envVar(HTTP_TIMEOUT_ENV);
    if (raw.isEmpty()) {
      return Duration.ofSeconds(10);
    }
    double seconds;
    try {
      seconds = Double.parseDouble(raw.get().strip());
    } catch (NumberFormatException e) {
      throw Failure.BAD_TIMEOUT.with("value", raw.get());
    }
    // NaN fails both comparisons; infinities and zero fall outside the range.
    if (!(seconds >= 0.001 && seconds <= 3600)) {
      throw Failure.BAD_TIMEOUT.with("value", raw.get());
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /** Shows a path the way a reader writes it: {@code ~/.spec-kitty/config.toml}. */
  public String tildePath(Path path) {
    return path.startsWith(home) ? "~/" + home.relativize(path) : path.toString();
  }
}
