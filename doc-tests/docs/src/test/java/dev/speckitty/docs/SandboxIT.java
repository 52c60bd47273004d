package dev.speckitty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.cli.Launcher;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox as a reader runs it: a real process, then the real launcher against it. */
class SandboxIT {
  @TempDir Path home;

  /** A card in a lane of the dashboard's board (lanes are sections with the cards inside). */
  private static String inLane(String lane, String wp) {
    return "(?s)data-lane=\"" + lane + "\">(?:(?!</section>).)*data-wp=\"" + wp + "\"";
  }

  @Test
  void readerCanLogInSyncAndSeeTheDashboard() throws Exception {
    ProcessBuilder launch =
        new ProcessBuilder(System.getProperty("sandbox.launcher"), "--port", "0")
            .redirectErrorStream(true);
    launch.environment().put("HOME", home.toString()); // its state: never the real home's
    Process sandbox = launch.start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
      List<String> banner = new ArrayList<>();
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        banner.add(line);
        if (line.startsWith("Press Ctrl-C")) {
          break;
        }
      }
      String url = banner.get(0).replace("Spec Kitty sandbox server running at ", "");
      assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
      assertThat(banner).contains("  Demo login: reader@spec-kitty.test / kitty-42");

      Launcher cli = new Launcher(home).configure(url);
      assertThat(cli.runWithStdin("reader@spec-kitty.test\nkitty-42\n", "auth", "login").output())
          .endsWith("   Logged in as: reader@spec-kitty.test\n");
      assertThat(cli.run("auth", "status").output())
          .contains("Access token: valid (23h remaining)");
      cli.run("init", "photo-app");
      cli.cd(Path.of("photo-app"));
      cli.run("specify", "Photo gallery");
      cli.run("plan");
      cli.run("tasks");
      cli.run("move", "WP01", "--to", "doing");
      Launcher.Run sync = cli.run("sync", "now");

      assertThat(sync.output())
          .isEqualTo(
              "Syncing with "
                  + url
                  + "...\n↑ Pushed 15 events (1 batch)\n↓ Pulled 0 new events\n✅ Sync complete\n");
      String dashboard = Http.get(url + "/a/kitty-team/dashboards/");
      assertThat(dashboard)
          .contains(
              "data-project=\"photo-app\"",
              "<span class=\"feature-title\">Photo gallery</span>",
              "Sandbox dashboard: 15 events received.",
              "<span class=\"wp\">WP01</span> <span class=\"title\">Foundation</span>")
          .containsPattern(inLane("doing", "WP01"))
          .containsPattern(inLane("planned", "WP02"));
    } finally {
      sandbox.destroy();
      assertThat(sandbox.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
  }
}
