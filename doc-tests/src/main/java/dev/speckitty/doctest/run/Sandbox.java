package dev.speckitty.doctest.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One document's world: a fresh HOME (also where the shell starts, as in a new terminal) under a
 * temporary folder, a clean environment (cram-style: {@code LANG}, {@code TZ}, {@code COLUMNS}
 * fixed, nothing inherited but the Java runtime), and the shell state (directory, exported
 * variables) that carries from one block to the next as in one terminal.
 */
public final class Sandbox implements AutoCloseable {
  private final Path root;
  private final Path home;
  private final Path control;
  private final Map<String, String> env = new LinkedHashMap<>();
  private int scripts;

  /**
   * @param launcherDir the directory of the {@code spec-kitty} launcher, first on PATH
   * @param outer the environment of the test JVM; only {@code JAVA_HOME} is taken from it
   */
  public Sandbox(Path launcherDir, Map<String, String> outer) {
    try {
      root = Files.createTempDirectory("doctest-").toRealPath();
      home = Files.createDirectories(root.resolve("home"));
      control = Files.createDirectories(root.resolve(".doctest"));
      Files.writeString(state(), "cd -- '" + home + "'\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env.put("HOME", home.toString());
    env.put("PATH", launcherDir.toAbsolutePath() + ":/usr/local/bin:/usr/bin:/bin");
    env.put("LANG", "C.UTF-8");
    env.put("LC_ALL", "C.UTF-8");
    env.put("TZ", "UTC");
    env.put("TERM", "dumb");
    env.put("COLUMNS", "80");
    env.put("LINES", "24");
    env.put("USER", "reader");
    env.put("SHELL", "/bin/bash");
    if (outer.containsKey("JAVA_HOME")) {
      env.put("JAVA_HOME", outer.get("JAVA_HOME"));
    }
  }

  public Path root() {
    return root;
  }

  public Path home() {
    return home;
  }

  /** The environment every step starts from (before the state file is sourced). */
  public Map<String, String> env() {
    return Map.copyOf(env);
  }

  /** The shell state file: {@code export} lines and a final {@code cd}. */
  Path state() {
    return control.resolve("state.sh");
  }

  /** Where the last step left the shell. */
  public Path cwd() {
    try {
      Path cwdFile = control.resolve("cwd");
      return Files.exists(cwdFile) ? Path.of(Files.readString(cwdFile).strip()) : home;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Wraps a step's shell text: restore the state, run each command as written, save the state, exit
   * with the status of the first command that failed (0 when none did).
   */
  Path script(String body) throws IOException {
    Path script = control.resolve("step-" + ++scripts + ".sh");
    StringBuilder text = new StringBuilder();
    text.append("source '").append(state()).append("'\n__doctest_rc=0\n");
    for (String command : CommandSplitter.split(body)) {
      text.append(command)
          .append("\n__doctest_s=$?; [ $__doctest_rc -eq 0 ] && __doctest_rc=$__doctest_s\n");
    }
    // The terminal's own variables belong to the runner (TERM differs with and without a pty).
    text.append(
            "{ (unset TERM COLUMNS LINES SHLVL PWD OLDPWD _; export -p);"
                + " printf 'cd -- %q\\n' \"$PWD\"; } > '")
        .append(state())
        .append(".next' && mv '")
        .append(state())
        .append(".next' '")
        .append(state())
        .append("'\n")
        .append("pwd > '")
        .append(control.resolve("cwd"))
        .append("'\n")
        .append("exit $__doctest_rc\n");
    Files.writeString(script, text.toString());
    return script;
  }

  /** Copies HOME and the shell state, to be put back by {@link #restore}. */
  public Path snapshot() {
    Path copy = root.resolve(".snapshot");
    deleteTree(copy);
    copyTree(home, copy.resolve("home"));
    copyTree(control, copy.resolve("control"));
    return copy;
  }

  /** Puts back what {@link #snapshot} copied: an isolated step leaves no trace. */
  public void restore(Path snapshot) {
    deleteTree(home);
    copyTree(snapshot.resolve("home"), home);
    deleteTree(control);
    copyTree(snapshot.resolve("control"), control);
    deleteTree(snapshot);
  }

  /** Replaces the sandbox's temporary paths with {@code $WORK} for failure messages. */
  public String redactPaths(String text) {
    return text.replace(root.toString(), "$WORK");
  }

  @Override
  public void close() {
    deleteTree(root);
  }

  private static void copyTree(Path from, Path to) {
    try {
      Files.walkFileTree(
          from,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              Path target = to.resolve(from.relativize(dir).toString());
              Files.createDirectories(target);
              Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(dir));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.copy(
                  file,
                  to.resolve(from.relativize(file).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES,
                  StandardCopyOption.REPLACE_EXISTING);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
