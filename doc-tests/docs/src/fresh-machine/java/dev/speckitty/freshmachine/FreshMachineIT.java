package dev.speckitty.freshmachine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.config.DocTestConfig;
import dev.doctest.parse.AsciiDoc;
import dev.doctest.parse.DocumentParser;
import dev.doctest.run.PlainScript;
import dev.doctest.world.WorldState;
import dev.speckitty.docs.TeamServerWorld;
import dev.speckitty.mockserver.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

/**
 * The tutorials on a machine with nothing installed: a clean JDK container gets the CLI
 * distribution and runs the three tutorials, in order, as a new user types them, against the mock
 * team server running in the WireMock image. Skipped (with the reason) without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class FreshMachineIT {
  static final Path DOCS = Path.of(System.getProperty("docs.dir")).toAbsolutePath().normalize();
  static final Path CLI =
      Path.of(System.getProperty("spec-kitty.launcher")).getParent().getParent();
  static final Path SANDBOX_LIB =
      Path.of("../mock-server/target/spec-kitty-sandbox/lib").toAbsolutePath();
  static final Path STUBS =
      Path.of("../mock-server/src/main/resources/mock-server").toAbsolutePath();

  /** Images pinned in the build (pom properties), never a floating tag. */
  static final String WIREMOCK_IMAGE =
      "wiremock/wiremock:" + System.getProperty("wiremock.version");

  static final String JDK_IMAGE = System.getProperty("jdk.image");

  static GenericContainer<?> teamServer;
  static GenericContainer<?> machine;

  @BeforeAll
  static void startContainers() throws Exception {
    teamServer =
        new GenericContainer<>(WIREMOCK_IMAGE)
            .withCopyFileToContainer(
                MountableFile.forHostPath(STUBS.resolve("mappings")), "/home/wiremock/mappings")
            .withCopyFileToContainer(
                MountableFile.forHostPath(STUBS.resolve("__files")), "/home/wiremock/__files")
            .withCommand(
                "--port", "8080", "--extensions", "dev.speckitty.mockserver.SpecKittyExtensions")
            .withExposedPorts(8080)
            .waitingFor(Wait.forHttp("/__admin/health").forPort(8080));
    try (Stream<Path> jars = Files.list(SANDBOX_LIB)) {
      for (Path jar : jars.toList()) {
        String name = jar.getFileName().toString();
        if (name.startsWith("spec-kitty-mock-server")
            || name.startsWith("jackson-")
            || name.startsWith("snakeyaml")
            || name.startsWith("jsoup")) {
          teamServer.withCopyFileToContainer(
              MountableFile.forHostPath(jar), "/var/wiremock/extensions/" + name);
        }
      }
    }
    teamServer.start();
    // The machine shares the server's network namespace: the server is on its loopback, where
    // the CLI allows plain http.
    machine =
        new GenericContainer<>(JDK_IMAGE)
            .withNetworkMode("container:" + teamServer.getContainerId())
            .withCopyFileToContainer(MountableFile.forHostPath(CLI, 0755), "/opt/spec-kitty")
            .withCommand("sleep", "infinity");
    machine.start();
    assertThat(machine.execInContainer("useradd", "-m", "-s", "/bin/bash", "reader").getExitCode())
        .isZero();
  }

  @AfterAll
  static void stopContainers() {
    if (machine != null) {
      machine.stop();
    }
    if (teamServer != null) {
      teamServer.stop();
    }
  }

  @Test
  void aNewUserCompletesTheThreeTutorials() throws Exception {
    DocTestConfig config = DocTestConfig.load(DOCS);
    Fixtures.User user = Fixtures.demoUser();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("server.url", "http://127.0.0.1:8080");
    values.put("home", "/home/reader");
    values.put("user.name", user.username());
    values.put("user.password", user.password());
    DocumentParser parser =
        new DocumentParser(
            config,
            new TeamServerWorld().states().stream().map(WorldState::name).toList(),
            new AsciiDoc());
    String script =
        new PlainScript(config, parser, values, false)
            .of(parser.parse(DOCS.resolve("tutorials/server-connection.md")));
    machine.copyFileToContainer(
        Transferable.of("set -e\n" + script, 0644), "/home/reader/tutorials.sh");

    ExecResult run =
        machine.execInContainerWithUser(
            "reader",
            "bash",
            "-c",
            "export HOME=/home/reader PATH=/opt/spec-kitty/bin:$PATH LANG=C.UTF-8; cd ~ && bash tutorials.sh");

    assertThat(run.getExitCode()).as(run.getStdout() + run.getStderr()).isZero();
    assertThat(run.getStdout())
        .contains(
            "spec-kitty 2.",
            "✅ Created project photo-app in ./photo-app",
            "✅ Accepted feature 001-photo-gallery (5 of 5 work packages done)",
            "✅ Login successful!",
            "Connection   Reachable (auth required)",
            "↑ Pushed 48 events (1 batch)",
            "✅ Sync complete");
    for (String line :
        List.of("Access token: valid (23h remaining)", "Refresh token: valid (6d remaining)")) {
      assertThat(run.getStdout()).contains(line);
    }
  }
}
