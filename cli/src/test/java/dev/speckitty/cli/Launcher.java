package dev.speckitty.cli;

import dev.speckitty.cli.core.StatePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code spec-kitty} launcher as a reader would: a subprocess with its own HOME
 * and working directory and no inherited {@code SPEC_KITTY_*} settings.
 */
public final class Launcher {
  private final Path executable;
  private final Path home;
  private Path cwd;

  /** What a run printed (stdout and stderr interleaved, as on a terminal) and returned. */
  public record Run(int exitCode, String output) {}

  public Launcher(Path home) {
    this.executable = Path.of(System.getProperty("spec-kitty.launcher"));
    this.home = home;
    this.cwd = home;
  }

  /** Where this HOME keeps spec-kitty's state. */
  public StatePaths state() {
    return StatePaths.inHome(home);
  }

  /** Writes {@code ~/.spec-kitty/config.toml} naming the server at {@code url}. */
  public Launcher configure(String url) throws IOException {
    Files.createDirectories(state().dir());
    Files.writeString(state().config(), "[server]\nurl = \"" + url + "\"\n");
    return this;
  }

  public Launcher cd(Path dir) {
    cwd = cwd.resolve(dir);
    return this;
  }

  public Process start(Map<String, String> extraEnv, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("SPEC_KITTY_"));
    env.put("HOME", home.toString());
    env.put("LANG", "C.UTF-8");
    env.putAll(extraEnv);
    return pb.start();
  }

  public Run runWithStdin(String stdin, String... args) throws IOException, InterruptedException {
    Process p = start(Map.of(), args);
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("spec-kitty " + String.join(" ", args) + " did not finish");
    }
    return new Run(p.exitValue(), output);
  }

  public Run run(String... args) throws IOException, InterruptedException {
    return runWithStdin("", args);
  }
}
