package dev.speckitty.cli;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.StatePaths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the CLI in-process against a fresh temporary HOME per test, with a clock the test moves —
 * never the real HOME.
 */
public final class InProcessCli implements BeforeEachCallback, AfterEachCallback {
  private final Supplier<String> serverUrl;
  private Path home;
  private Path cwd;
  private final Map<String, String> env = new HashMap<>();
  private Instant now = Instant.parse("2026-03-01T09:00:00Z");

  /** What one command printed and returned. */
  public record Result(int exitCode, String out, String err) {
    /** Standard output then standard error, as a terminal would show them. */
    public String all() {
      return out + err;
    }
  }

  /** A CLI with no config file: each test writes what it needs. */
  public InProcessCli() {
    this(null);
  }

  private InProcessCli(Supplier<String> serverUrl) {
    this.serverUrl = serverUrl;
  }

  /**
   * A CLI whose config points at {@code server} at the start of every test, as after setup: the
   * server tests need it, and each wrote the same {@code @BeforeEach} for it.
   */
  public static InProcessCli configuredFor(WireMockExtension server) {
    return new InProcessCli(server::baseUrl);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    home = Files.createTempDirectory("spec-kitty-home-");
    cwd = Files.createDirectories(home.resolve("work"));
    env.clear();
    env.put("HOME", home.toString());
    if (serverUrl != null) {
      configure(serverUrl.get());
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try (Stream<Path> paths = Files.walk(home)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  public Path home() {
    return home;
  }

  /** The working directory commands run in (starts as {@code $HOME/work}). */
  public Path cwd() {
    return cwd;
  }

  public InProcessCli cd(Path dir) {
    cwd = cwd.resolve(dir).normalize();
    return this;
  }

  /** {@code $HOME/.spec-kitty} and its files. */
  public StatePaths state() {
    return StatePaths.inHome(home);
  }

  public Instant now() {
    return now;
  }

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  public InProcessCli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Writes {@code ~/.spec-kitty/config.toml} pointing at {@code url}. */
  public InProcessCli configure(String url) throws IOException {
    return writeConfig("[server]\nurl = \"" + url + "\"\n");
  }

  public InProcessCli writeConfig(String toml) throws IOException {
    Files.createDirectories(state().dir());
    Files.writeString(state().config(), toml);
    return this;
  }

  public CliContext context(String stdin) {
    return context(stdin, Clock.fixed(now, ZoneOffset.UTC));
  }

  private CliContext context(String stdin, Clock clock) {
    return new CliContext(
        Map.copyOf(env),
        home,
        cwd,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        false,
        clock);
  }

  /** Runs {@code spec-kitty args…} with a clock of the test's own (e.g. one that waits). */
  public Result runWithClock(Clock clock, String... args) {
    return run(context("", clock), args);
  }

  /** Runs {@code spec-kitty args…} with {@code stdin} as standard input. */
  public Result runWithStdin(String stdin, String... args) {
    return run(context(stdin), args);
  }

  private static Result run(CliContext ctx, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(ctx, new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  public Result run(String... args) {
    return runWithStdin("", args);
  }
}
