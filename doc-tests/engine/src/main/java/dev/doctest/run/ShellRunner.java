package dev.doctest.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs a step's shell text through bash, as a reader's terminal would, without a terminal. */
final class ShellRunner {
  private final Workspace workspace;

  ShellRunner(Workspace workspace) {
    this.workspace = workspace;
  }

  Outcome run(String shellText, Duration timeout) {
    try {
      Path script = workspace.script(shellText);
      ProcessBuilder pb =
          new ProcessBuilder(workspace.command(script, false))
              .directory(workspace.hostHome().toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().clear();
      pb.environment().putAll(workspace.env());
      Process process = pb.start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Thread reader = new Thread(() -> drain(process.getInputStream(), out), "doctest-output");
      reader.setDaemon(true);
      reader.start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        killTree(process);
        reader.join(2_000);
        return new Outcome(-1, text(out), "timed out after " + timeout.toSeconds() + "s");
      }
      reader.join(5_000);
      return new Outcome(process.exitValue(), text(out), workspace.foreignState().orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(-1, "", "interrupted");
    }
  }

  static void killTree(Process process) {
    java.util.Optional<ProcessHandle> handle;
    try {
      handle = java.util.Optional.of(process.toHandle());
    } catch (UnsupportedOperationException ptyProcess) {
      handle = ProcessHandle.of(process.pid());
    }
    handle.ifPresent(h -> h.descendants().forEach(ProcessHandle::destroyForcibly));
    process.destroyForcibly();
  }

  private static void drain(InputStream in, ByteArrayOutputStream out) {
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        synchronized (out) {
          out.write(buffer, 0, n);
        }
      }
    } catch (IOException closed) {
      // The process ended or was killed: what was read is the output.
    }
  }

  private static String text(ByteArrayOutputStream out) {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
