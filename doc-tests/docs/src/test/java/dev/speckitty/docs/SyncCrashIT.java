package dev.speckitty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.cli.Launcher;
import dev.speckitty.cli.core.StatePaths;
import dev.speckitty.cli.queue.EventEnvelope;
import dev.speckitty.cli.queue.EventQueue;
import dev.speckitty.cli.queue.TestEvents;
import dev.speckitty.mockserver.MockTeamServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code spec-kitty sync now} killed with SIGKILL between batches, then run again: the
 * server ends up with every event exactly once and the queue is empty.
 */
class SyncCrashIT {
  @TempDir Path home;

  @Test
  void killedSyncLosesNothingAndDuplicatesNothing() throws Exception {
    List<EventEnvelope> queued =
        TestEvents.queue(StatePaths.inHome(home).queue(), 2500, Instant.now());
    try (MockTeamServer server = MockTeamServer.start(0, Optional.empty())) {
      Launcher cli = new Launcher(home).configure(server.baseUrl());
      assertThat(cli.runWithStdin("reader@spec-kitty.test\nkitty-42\n", "auth", "login").exitCode())
          .isZero();

      // The server stores each batch at once but answers the second one only after 30 s:
      // the CLI is killed while it waits for that acknowledgement.
      server.holdBatchAnswersAfter(1, 30_000);
      Process sync = cli.start(Map.of(), "sync", "now");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (server.state().events("kitty-team").size() < 2000 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(server.state().events("kitty-team")).hasSize(2000);
      sync.destroyForcibly();
      assertThat(sync.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(sync.exitValue()).isEqualTo(137);

      server.holdBatchAnswersAfter(Integer.MAX_VALUE, 0);
      Launcher.Run rerun = cli.run("sync", "now");

      assertThat(rerun.output())
          .contains("↑ Pushed 1500 events (2 batches)\n")
          .endsWith("✅ Sync complete\n");
      List<String> stored =
          server.state().events("kitty-team").stream()
              .map(s -> s.event().get("event_id").asText())
              .toList();
      assertThat(stored).hasSize(2500).doesNotHaveDuplicates();
      Set<String> expected =
          queued.stream().map(EventEnvelope::eventId).collect(Collectors.toSet());
      assertThat(Set.copyOf(stored)).isEqualTo(expected);
    }
    try (EventQueue q = EventQueue.open(StatePaths.inHome(home).queue())) {
      assertThat(q.queuedCount()).isZero();
    }
  }
}
