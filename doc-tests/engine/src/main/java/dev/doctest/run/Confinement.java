package dev.doctest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether steps run inside bubblewrap: the whole file system read-only, the page's HOME, its
 * private {@code /tmp} and the folder of its shell state writable, the real home folders hidden,
 * the network as it is (the world listens on loopback), and process ids of its own: every process a
 * step started ends with the step (a background process left by a hidden starting state could
 * otherwise change what later steps show). A write anywhere else fails the step with "Read-only
 * file system". Without bubblewrap (macOS, or a kernel without user namespaces) steps run
 * unconfined, as plain processes with a temporary HOME, and the run says so once.
 *
 * @param bwrap the bubblewrap executable, when steps are confined
 * @param reason why they are not, when they are not
 */
public record Confinement(Optional<Path> bwrap, String reason) {
  /** Where the page's HOME is seen by its commands when confined. */
  public static final Path HOME = Path.of("/home/reader");

  /** Where the engine's step scripts are seen when confined: read-only, the engine writes them. */
  public static final Path CONTROL = Path.of("/run/doctest");

  /** Where the shell state each step saves for the next is seen when confined. */
  public static final Path SHELL = Path.of("/run/doctest-shell");

  /** Folders whose contents hold real users' files: hidden from confined steps. */
  private static final List<String> HIDDEN = List.of("/home", "/root", "/run");

  /** Steps run as plain processes (for tests of the engine that need it, and as the fallback). */
  public static Confinement none(String reason) {
    return new Confinement(Optional.empty(), reason);
  }

  /**
   * Bubblewrap if it is installed and works here ({@code DOCTEST_CONFINEMENT=off} turns it off),
   * else none, with the reason.
   */
  public static Confinement detect() {
    if ("off".equals(System.getenv("DOCTEST_CONFINEMENT"))) {
      return none("turned off with DOCTEST_CONFINEMENT=off");
    }
    Optional<Path> bwrap = onPath("bwrap");
    if (bwrap.isEmpty()) {
      return none("bubblewrap (bwrap) is not installed");
    }
    try {
      Process probe =
          new ProcessBuilder(
                  bwrap.get().toString(),
                  "--ro-bind",
                  "/",
                  "/",
                  "--dev",
                  "/dev",
                  "--unshare-pid",
                  "--proc",
                  "/proc",
                  "--tmpfs",
                  "/run",
                  "true")
              .redirectErrorStream(true)
              .start();
      String said = new String(probe.getInputStream().readAllBytes()).strip();
      if (!probe.waitFor(10, TimeUnit.SECONDS) || probe.exitValue() != 0) {
        return none("bubblewrap does not work here: " + said);
      }
    } catch (IOException e) {
      return none("bubblewrap does not start: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return none("interrupted");
    }
    return new Confinement(bwrap, "");
  }

  public boolean confined() {
    return bwrap.isPresent();
  }

  /** One line for the run's output: how steps run. */
  public String describe() {
    return confined()
        ? "Steps run confined (bubblewrap): only the page's HOME and /tmp are writable."
        : "Steps run unconfined: " + reason + ".";
  }

  /**
   * The command that runs {@code command} confined to {@code workspace}; {@code command} itself
   * when steps are not confined.
   *
   * @param visible host folders the command must still see read-only (the tool under test, the Java
   *     runtime), wherever they are
   * @param terminal whether the command runs on a pseudo-terminal (its device must stay usable)
   */
  List<String> wrap(
      Workspace workspace, List<Path> visible, boolean terminal, List<String> command) {
    if (bwrap.isEmpty()) {
      return command;
    }
    List<String> args = new ArrayList<>();
    args.add(bwrap.get().toString());
    args.addAll(List.of("--ro-bind", "/", "/", "--dev", "/dev"));
    if (terminal) {
      args.addAll(List.of("--dev-bind", "/dev/pts", "/dev/pts"));
    }
    // Its own process ids: whatever the step started (with &, setsid or nohup) ends with it, and
    // it cannot see or signal the engine, the world or another page's commands.
    args.addAll(List.of("--unshare-pid", "--proc", "/proc"));
    for (String hidden : HIDDEN) {
      if (Files.isDirectory(Path.of(hidden))) {
        args.addAll(List.of("--tmpfs", hidden));
      }
    }
    args.addAll(List.of("--bind", workspace.hostHome().toString(), HOME.toString()));
    args.addAll(List.of("--bind", workspace.hostTmp().toString(), "/tmp"));
    // The scripts read-only: a step that could put a link or a file there would choose what a
    // later step runs (and where the engine writes its next script, outside the sandbox).
    args.addAll(List.of("--ro-bind", workspace.hostControl().toString(), CONTROL.toString()));
    args.addAll(List.of("--bind", workspace.hostShell().toString(), SHELL.toString()));
    for (Path p : visible) {
      if (Files.exists(p)) {
        args.addAll(List.of("--ro-bind", p.toString(), p.toString()));
      }
    }
    args.addAll(List.of("--chdir", HOME.toString(), "--die-with-parent", "--"));
    args.addAll(command);
    return args;
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
