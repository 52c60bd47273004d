package dev.speckitty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.cli.Launcher;
import dev.speckitty.cli.core.StatePaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarting the sandbox keeps a reader's session and events (they used to end with "Session
 * expired" and the credentials removed); {@code --fresh} forgets them. The real sandbox and the
 * real CLI, as a reader runs them, with HOME in a temporary folder.
 */
class SandboxRestartIT {
  @TempDir Path home;

  private final List<Process> started = new ArrayList<>();
  private int port;

  /** A running sandbox and the banner it printed. */
  private record Sandbox(Process process, List<String> banner) {}

  private Sandbox start(String... options) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("sandbox.launcher"));
    command.add("--port");
    command.add(Integer.toString(port));
    command.addAll(List.of(options));
    ProcessBuilder launch = new ProcessBuilder(command).redirectErrorStream(true);
    launch.environment().put("HOME", home.toString());
    Process process = launch.start();
    started.add(process);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> banner = new ArrayList<>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      banner.add(line);
      if (line.startsWith("Press Ctrl-C")) {
        return new Sandbox(process, banner);
      }
    }
    throw new IllegalStateException("the sandbox did not start: " + banner);
  }

  /** Stops it as Ctrl-C does: the JVM's shutdown hooks run. */
  private static void stop(Sandbox sandbox) throws InterruptedException {
    sandbox.process().destroy();
    assertThat(sandbox.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(20, TimeUnit.SECONDS);
    }
  }

  /** The CLI with HOME {@code dir}, logged in to {@code url}. */
  private static Launcher logIn(Path dir, String url) throws Exception {
    Launcher cli = new Launcher(dir).configure(url);
    assertThat(cli.runWithStdin("reader@spec-kitty.test\nkitty-42\n", "auth", "login").output())
        .endsWith("   Logged in as: reader@spec-kitty.test\n");
    return cli;
  }

  /**
   * What a second machine of the same reader (its own HOME, so its own node) pulls: the events the
   * server kept.
   */
  private String secondMachinePulls(String url) throws Exception {
    Path other = Files.createDirectories(home.resolve("second-machine-" + started.size()));
    return logIn(other, url).run("sync", "now").output();
  }

  private Launcher loggedInCli(String url) throws Exception {
    Launcher cli = logIn(home, url);
    cli.run("init", "photo-app");
    cli.cd(Path.of("photo-app"));
    cli.run("specify", "Photo gallery");
    assertThat(cli.run("sync", "now").output()).contains("↑ Pushed 2 events (1 batch)\n");
    return cli;
  }

  /** Picks a free port for every sandbox this test starts: the URL the CLI reaches it at. */
  private String onAFreePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    return "http://127.0.0.1:" + port;
  }

  @Test
  void aSessionAndItsEventsSurviveARestartAndFreshForgetsThem() throws Exception {
    String url = onAFreePort();
    Sandbox first = start();
    assertThat(first.banner())
        .contains(
            "  State:      ~/.spec-kitty-sandbox (kept across restarts; --fresh starts empty)");
    Launcher cli = loggedInCli(url);
    stop(first);
    assertThat(home.resolve(".spec-kitty-sandbox/state.json")).exists();

    Sandbox second = start();

    assertThat(second.banner())
        .contains(
            "  State:      ~/.spec-kitty-sandbox (kept from the last run; --fresh starts empty)");
    Launcher.Run status = cli.run("auth", "status");
    assertThat(status.exitCode()).isZero();
    assertThat(status.output()).startsWith("✅ Authenticated\n");
    Launcher.Run sync = cli.run("sync", "now");
    assertThat(sync.exitCode()).isZero();
    assertThat(sync.output())
        .isEqualTo(
            "Syncing with "
                + url
                + "...\n↑ Pushed 0 events (0 batches)\n↓ Pulled 0 new events\n✅ Sync complete\n");
    assertThat(secondMachinePulls(url)).contains("↓ Pulled 2 new events\n");
    stop(second);

    Sandbox fresh = start("--fresh");

    assertThat(fresh.banner())
        .contains(
            "  State:      ~/.spec-kitty-sandbox (kept across restarts; --fresh starts empty)");
    Launcher.Run forgotten = cli.run("sync", "now");
    assertThat(forgotten.exitCode()).isEqualTo(1);
    assertThat(forgotten.output()).contains("❌ Session expired. Please log in again.\n");
    assertThat(secondMachinePulls(url)).contains("↓ Pulled 0 new events\n");
    stop(fresh);
  }

  @Test
  void aPushedEventIsKeptEvenWhenTheSandboxIsKilled() throws Exception {
    String url = onAFreePort();
    Sandbox first = start();
    Launcher cli = loggedInCli(url);
    Path saved = home.resolve(".spec-kitty-sandbox/state.json");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(Files.exists(saved) && Files.readString(saved).contains("\"kitty-team\":[{"))
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }

    first.process().destroyForcibly(); // kill -9: no shutdown hook
    first.process().waitFor(20, TimeUnit.SECONDS);
    start();

    assertThat(cli.run("auth", "status").output()).startsWith("✅ Authenticated\n");
    assertThat(cli.run("sync", "now").exitCode()).isZero();
    assertThat(secondMachinePulls(url)).contains("↓ Pulled 2 new events\n");
  }

  @Test
  void theClisOwnFolderIsRefused() throws Exception {
    port = 0;
    ProcessBuilder launch =
        new ProcessBuilder(
                System.getProperty("sandbox.launcher"),
                "--port",
                "0",
                "--state-dir",
                StatePaths.inHome(home).dir().toString())
            .redirectErrorStream(true);
    launch.environment().put("HOME", home.toString());
    Process p = launch.start();
    started.add(p);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(output)
        .isEqualTo(
            "❌ "
                + StatePaths.inHome(home).dir()
                + " is the spec-kitty CLI's own folder.\n"
                + "   Keep the sandbox's state elsewhere, e.g. --state-dir ~/.spec-kitty-sandbox.\n");
    assertThat(StatePaths.inHome(home).dir()).doesNotExist();
  }
}
