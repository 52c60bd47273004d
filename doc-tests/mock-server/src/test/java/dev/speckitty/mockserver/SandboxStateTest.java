package dev.speckitty.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's state folder: saved after every change and at the end, read at the next start. */
class SandboxStateTest {
  @TempDir Path tmp;

  private final List<String> warnings = new ArrayList<>();

  private static TeamServerState newState() {
    return new TeamServerState(Fixtures.users(), Clock.systemUTC());
  }

  private static String accessToken(TeamServerState state) {
    Fixtures.User demo = Fixtures.demoUser();
    return state.login(demo.username(), demo.password()).orElseThrow().get("access").asText();
  }

  /** Keeps a fresh state in {@code kept}, then logs the demo user in: its access token. */
  private static String logInKept(SandboxState kept) {
    TeamServerState state = newState();
    kept.keep(state);
    return accessToken(state);
  }

  @Test
  void aChangeIsSavedWithoutWaitingForTheEnd() throws Exception {
    Path dir = tmp.resolve("sandbox");
    try (SandboxState kept = SandboxState.open(dir)) {
      String token = logInKept(kept);

      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!Files.exists(kept.file()) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }

      assertThat(Files.readString(kept.file())).contains(token);
    }
  }

  @Test
  void aSessionAndItsEventsSurviveAClose() throws Exception {
    Path dir = tmp.resolve("sandbox");
    TeamServerState first = newState();
    String token;
    try (SandboxState kept = SandboxState.open(dir)) {
      kept.keep(first);
      token = accessToken(first);
      first.seedTeammates("kitty-team");
    }

    TeamServerState second = newState();
    try (SandboxState kept = SandboxState.open(dir)) {
      second.load(kept.saved(warnings::add).orElseThrow());
    }

    assertThat(second.authenticate("Bearer " + token)).isPresent();
    assertThat(second.events("kitty-team")).hasSameSizeAs(first.events("kitty-team")).isNotEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void forgetStartsEmpty() throws Exception {
    Path dir = tmp.resolve("sandbox");
    try (SandboxState kept = SandboxState.open(dir)) {
      logInKept(kept);
    }

    try (SandboxState kept = SandboxState.open(dir)) {
      kept.forget();
      assertThat(kept.saved(warnings::add)).isEmpty();
    }
  }

  @Test
  void oneSandboxAtATimeUsesAFolder() throws Exception {
    Path dir = tmp.resolve("sandbox");
    try (SandboxState kept = SandboxState.open(dir)) {
      assertThatThrownBy(() -> SandboxState.open(dir)).isInstanceOf(SandboxState.InUse.class);
    }
    SandboxState.open(dir).close();
  }

  @Test
  void aDamagedFileIsKeptAsideAndTheSandboxStartsEmpty() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("sandbox"));
    Files.writeString(dir.resolve("state.json"), "{\"tokens_issued\": 3, \"acc");

    Optional<?> saved;
    try (SandboxState kept = SandboxState.open(dir)) {
      saved = kept.saved(warnings::add);
    }

    assertThat(saved).isEmpty();
    assertThat(dir.resolve("state.json.damaged")).hasContent("{\"tokens_issued\": 3, \"acc");
    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("⚠ Cannot read the saved state " + dir.resolve("state.json"))
        .endsWith("starting empty. The file is kept as " + dir.resolve("state.json.damaged") + ".");
  }

  @Test
  void onlyItsOwnerCanReadTheState() throws IOException, Exception {
    Path dir = tmp.resolve("sandbox");
    try (SandboxState kept = SandboxState.open(dir)) {
      logInKept(kept);
    }

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state.json"))))
        .isEqualTo("rw-------");
  }

  @Test
  void theDefaultFolderIsInTheHomeFolderAndIsNotTheClis() {
    assertThat(SandboxState.defaultDir(Map.of("HOME", "/home/reader")))
        .isEqualTo(Path.of("/home/reader/.spec-kitty-sandbox"));
  }

  @Test
  void whatIsSavedIsWhatTheStateWrites() throws Exception {
    Path dir = tmp.resolve("sandbox");
    TeamServerState state = newState();
    try (SandboxState kept = SandboxState.open(dir)) {
      kept.keep(state);
      accessToken(state);
    }
    ObjectNode written = state.toJson();

    try (SandboxState kept = SandboxState.open(dir)) {
      assertThat(kept.saved(warnings::add).orElseThrow().toString()).isEqualTo(written.toString());
    }
  }
}
