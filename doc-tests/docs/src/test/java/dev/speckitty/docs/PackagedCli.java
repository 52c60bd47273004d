package dev.speckitty.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code spec-kitty} launcher run as a reader runs it, in a HOME of the test's own
 * (never the real one), with standard output and standard error kept apart — the fault matrix
 * checks what each one says. A run that does not end in time fails as hanging.
 */
final class PackagedCli {
  /** What one run printed on each stream, and its exit code. */
  record Run(int exitCode, String out, String err) {
    /** The lines of standard error. */
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private final Path launcher = Path.of(System.getProperty("spec-kitty.launcher"));
  private final Path home;
  private final Map<String, String> env = new HashMap<>();

  PackagedCli(Path home) {
    this.home = home;
  }

  /** Sets {@code name} in the environment of the following runs. */
  PackagedCli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Run run(String... args) throws IOException, InterruptedException {
    return runWithStdin("", args);
  }

  /**
   * Runs {@code spec-kitty args} with {@code stdin} as its standard input; fails if it is still
   * running after 60 s.
   */
  Run runWithStdin(String stdin, String... args) throws IOException, InterruptedException {
    Path streams = Files.createTempDirectory(home, ".run-");
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectOutput(streams.resolve("out").toFile())
            .redirectError(streams.resolve("err").toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("SPEC_KITTY_"));
    pb.environment().put("HOME", home.toString());
    pb.environment().put("LANG", "C.UTF-8");
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("spec-kitty " + String.join(" ", args) + " hangs (60 s)");
    }
    return new Run(
        p.exitValue(),
        Files.readString(streams.resolve("out")),
        Files.readString(streams.resolve("err")));
  }
}
