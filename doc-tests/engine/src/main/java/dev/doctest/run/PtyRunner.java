package dev.doctest.run;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an interactive step under a pseudo-terminal (pty4j), byexample-style: each answer is typed
 * only once its prompt is on the screen, and the whole screen is returned for comparison.
 */
final class PtyRunner {
  /** A prompt to wait for and what to type there. */
  record Answer(String prompt, String text) {}

  private final Workspace workspace;

  PtyRunner(Workspace workspace) {
    this.workspace = workspace;
  }

  Outcome run(String shellText, List<Answer> answers, Duration timeout) {
    PtyProcess process;
    try {
      Path script = workspace.script(shellText);
      Map<String, String> env = new HashMap<>(workspace.env());
      env.put("TERM", "xterm-256color");
      process =
          new PtyProcessBuilder()
              .setCommand(workspace.command(script, true).toArray(String[]::new))
              .setEnvironment(env)
              .setDirectory(workspace.hostHome().toString())
              .setInitialColumns(80)
              .setInitialRows(24)
              .setRedirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Screen screen = new Screen();
    Thread reader = new Thread(() -> screen.read(process.getInputStream()), "doctest-pty");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      OutputStream keyboard = process.getOutputStream();
      int searchFrom = 0;
      for (Answer a : answers) {
        int at = screen.waitFor(a.prompt(), searchFrom, deadline);
        if (at < 0) {
          ShellRunner.killTree(process);
          return new Outcome(
              -1,
              screen.text(),
              "prompt '" + a.prompt() + "' never appeared (waited " + timeout.toSeconds() + "s)");
        }
        searchFrom = at + a.prompt().length();
        screen.settle(deadline);
        keyboard.write((a.text() + "\r").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
      }
      long left = Math.max(0, deadline - System.nanoTime());
      if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
        ShellRunner.killTree(process);
        return new Outcome(-1, screen.text(), "timed out after " + timeout.toSeconds() + "s");
      }
      reader.join(5_000);
      return new Outcome(process.exitValue(), screen.text(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ShellRunner.killTree(process);
      return new Outcome(-1, screen.text(), "interrupted");
    }
  }

  /** Everything the terminal received, watched for prompts. */
  private static final class Screen {
    private static final long QUIET_MILLIS = 80;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    void read(InputStream in) {
      byte[] buffer = new byte[4096];
      try {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          synchronized (this) {
            bytes.write(buffer, 0, n);
            notifyAll();
          }
        }
      } catch (IOException closed) {
        // The pty closes with the process.
      }
    }

    /**
     * Waits until the program has stopped printing for a moment (at most a second): a person reads
     * the prompt before typing, and a program may still be setting up the terminal.
     */
    synchronized void settle(long deadline) throws InterruptedException {
      long limit = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
      int size = bytes.size();
      while (System.nanoTime() < limit) {
        wait(QUIET_MILLIS);
        if (bytes.size() == size) {
          return;
        }
        size = bytes.size();
      }
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    synchronized int waitFor(String prompt, int from, long deadline) throws InterruptedException {
      while (true) {
        int at = text().indexOf(prompt, from);
        if (at >= 0) {
          return at;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return -1;
        }
        wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }
}
