package dev.speckitty.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.speckitty.cli.core.StatePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The packaged launcher, run as a reader runs it: a subprocess with its own HOME. */
class LauncherIT {
  @RegisterExtension static WireMockExtension server = LoopbackServer.extension();

  @TempDir Path home;

  private Launcher.Run launch(String stdin, String... args) throws Exception {
    return new Launcher(home).runWithStdin(stdin, args);
  }

  @Test
  void launcherPrintsTheVersion() throws Exception {
    Launcher.Run r = launch("", "--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.output()).isEqualTo("spec-kitty " + System.getProperty("project.version") + "\n");
  }

  @Test
  void launcherLogsInShowsStatusAndLogsOutInItsOwnHome() throws Exception {
    server.stubFor(
        post(urlEqualTo("/api/v1/token/"))
            .withRequestBody(
                equalToJson("{\"username\": \"your-email@example.com\", \"password\": \"pw-123\"}"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"access": "a1", "refresh": "r1", "access_expires_in": 86400,
                         "refresh_expires_in": 604800, "team_slug": "kitty-team"}""")));
    new Launcher(home).configure(server.baseUrl());

    Launcher.Run login = launch("your-email@example.com\npw-123\n", "auth", "login");
    Launcher.Run status = launch("", "auth", "status");
    Launcher.Run logout = launch("", "auth", "logout");

    assertThat(login.output())
        .isEqualTo(
            "Authenticating with "
                + server.baseUrl()
                + "...\n✅ Login successful!\n   Logged in as: your-email@example.com\n");
    assertThat(status.output())
        .isEqualTo(
            "✅ Authenticated\n   Username: your-email@example.com\n   Server:   "
                + server.baseUrl()
                + "\n   Access token: valid (23h remaining)\n   Refresh token: valid (6d remaining)\n");
    assertThat(logout.output())
        .isEqualTo(
            "✅ Logged out successfully.\n   Cleared credentials for: your-email@example.com\n");
    assertThat(login.exitCode() + status.exitCode() + logout.exitCode()).isZero();
  }

  @Test
  void concurrentRunsPrintOnlyTheirOwnLinesAndExtractNothing() throws Exception {
    java.nio.file.Path tmp = java.nio.file.Files.createDirectories(home.resolve("jvm-tmp"));
    Launcher cli = new Launcher(home);
    java.util.List<Process> runs = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(
          cli.start(
              java.util.Map.of("SPEC_KITTY_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp),
              "init",
              "p" + i));
    }
    for (int i = 0; i < runs.size(); i++) {
      Process p = runs.get(i);
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.waitFor()).isZero();
      assertThat(out)
          .isEqualTo(
              "✅ Created project p"
                  + i
                  + " in ./p"
                  + i
                  + "\n   Next: cd p"
                  + i
                  + " && spec-kitty specify \"<what you want to build>\"\n");
    }
    try (var left = java.nio.file.Files.list(tmp)) {
      assertThat(left.map(f -> f.getFileName().toString()))
          .as("SQLite's native library is used from the distribution, not extracted")
          .noneMatch(n -> n.contains("sqlite"));
    }
  }

  @Test
  void onJava24OrNewerLoadingSqlitePrintsNoWarning() throws Exception {
    Optional<Path> newer = javaAtLeast(24);
    assumeTrue(newer.isPresent(), "no Java 24 or newer in /usr/lib/jvm on this machine");

    // init records the new project in the event queue: SQLite's native library is loaded.
    Process p = new Launcher(home).start(Map.of("JAVA_HOME", newer.get().toString()), "init", "p");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor()).isZero();
    assertThat(StatePaths.inHome(home).queue()).isRegularFile();
    assertThat(out)
        .isEqualTo(
            "✅ Created project p in ./p\n"
                + "   Next: cd p && spec-kitty specify \"<what you want to build>\"\n");
  }

  /** A Java runtime of at least that major version installed beside the default one. */
  private static Optional<Path> javaAtLeast(int major) throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes
          .filter(h -> Files.isExecutable(h.resolve("bin/java")))
          .filter(h -> majorVersion(h) >= major)
          .findFirst();
    }
  }

  private static int majorVersion(Path javaHome) {
    try {
      return Files.readAllLines(javaHome.resolve("release")).stream()
          .filter(l -> l.startsWith("JAVA_VERSION=\""))
          .map(l -> l.substring("JAVA_VERSION=\"".length()).split("[.\"]")[0])
          .mapToInt(Integer::parseInt)
          .findFirst()
          .orElse(0);
    } catch (IOException | NumberFormatException unknown) {
      return 0;
    }
  }

  @Test
  void theDistributionShipsSqliteNativesOnceUnpackedAndNotInTheJar() throws Exception {
    Path lib = Path.of(System.getProperty("spec-kitty.launcher")).getParent().resolveSibling("lib");

    try (java.util.zip.ZipFile jar =
        new java.util.zip.ZipFile(lib.resolve("sqlite-jdbc.jar").toFile())) {
      assertThat(jar.stream().map(java.util.zip.ZipEntry::getName))
          .contains("org/sqlite/SQLiteConfig.class", "sqlite-jdbc.properties")
          .noneMatch(n -> n.startsWith("org/sqlite/native/"));
    }
    assertThat(lib.resolve("native/Linux/x86_64/libsqlitejdbc.so")).isRegularFile();
    assertThat(lib.resolve("native/Mac/aarch64/libsqlitejdbc.dylib")).isRegularFile();
  }

  @Test
  void aPlatformWithoutAnUnpackedNativeLibrarySaysSoClearly() throws Exception {
    Path noNatives = Files.createDirectories(home.resolve("no-natives"));
    Process p =
        new Launcher(home)
            .start(
                java.util.Map.of(
                    "SPEC_KITTY_JAVA_OPTS",
                    "-Dorg.sqlite.lib.path=" + noNatives + " -Dorg.sqlite.tmpdir=" + noNatives),
                "init",
                "p");
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(p.waitFor()).isEqualTo(1);
    assertThat(out)
        .contains("❌ SQLite is not available for this platform (")
        .contains("   spec-kitty ships SQLite for Linux and macOS on x86_64 and arm64.\n")
        .doesNotContain("Exception");
  }
}
