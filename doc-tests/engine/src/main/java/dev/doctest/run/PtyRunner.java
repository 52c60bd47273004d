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
        int at = screen.waitFor(a.prompt(), searchFrom, deadline, process);
        if (at == Screen.WAITS_ELSEWHERE) {
          ShellRunner.killTree(process);
          String waitsAt = Screen.lastLine(screen.text());
          return new Outcome(
              -1,
              screen.text(),
              "the command waits for input at '"
                  + waitsAt
                  + "', but the page expects the prompt '"
                  + a.prompt()
                  + "'");
        }
        if (at < 0) {
          ShellRunner.killTree(process);
          return new Outcome(
              -1,
              screen.text(),
              process.isAlive()
                  ? "prompt '"
                      + a.prompt()
                      + "' never appeared (waited "
                      + timeout.toSeconds()
                      + "s)"
                  : "the command ended before the prompt '" + a.prompt() + "' appeared");
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
      return new Outcome(process.exitValue(), screen.text(), workspace.foreignState().orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ShellRunner.killTree(process);
      return new Outcome(-1, screen.text(), "interrupted");
    } finally {
      close(process);
    }
  }

  /**
   * Closes the terminal: pty4j keeps its descriptors open, even after the process ended, until the
   * streams taken from it are closed (a --watch session gathered two with each terminal step).
   */
  private static void close(PtyProcess process) {
    process.destroy();
    for (java.io.Closeable stream :
        List.of(process.getOutputStream(), process.getInputStream(), process.getErrorStream())) {
      try {
        stream.close();
      } catch (IOException alreadyClosed) {
        // nothing left to release
      }
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

    /** {@link #waitFor}'s answer when the command waits at a prompt the page does not show. */
    static final int WAITS_ELSEWHERE = -2;

    /** How long a quiet screen ending in an unanswered line means the command waits for input. */
    static final long WAITING_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * Where {@code prompt} appears after {@code from}; -1 when the deadline passes or the command
     * ends first; {@link #WAITS_ELSEWHERE} when the screen has stayed quiet for two seconds with an
     * unanswered line at its end — the command waits for input at another prompt, and waiting any
     * longer would not change that.
     */
    synchronized int waitFor(String prompt, int from, long deadline, Process process)
        throws InterruptedException {
      int size = bytes.size();
      long quietSince = System.nanoTime();
      while (true) {
        int at = text().indexOf(prompt, from);
        if (at >= 0) {
          return at;
        }
        long now = System.nanoTime();
        if (now >= deadline || !process.isAlive() && now - quietSince > QUIET_MILLIS * 1_000_000) {
          return -1;
        }
        if (bytes.size() != size) {
          size = bytes.size();
          quietSince = now;
        } else if (now - quietSince >= WAITING_NANOS
            && !lastLine(text().substring(from)).isEmpty()) {
          return WAITS_ELSEWHERE;
        }
        wait(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(deadline - now))));
      }
    }

    /** The screen's last line as a reader sees it: where the cursor waits. */
    static String lastLine(String raw) {
      String shown = dev.doctest.match.TerminalText.normalize(raw + "x");
      String last = shown.substring(shown.lastIndexOf('\n') + 1);
      return last.substring(0, last.length() - 1).strip();
    }
  }
}
