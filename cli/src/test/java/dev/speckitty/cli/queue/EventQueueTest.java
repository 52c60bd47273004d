package dev.speckitty.cli.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.speckitty.cli.config.ServerUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventQueueTest {
  @TempDir Path dir;

  private final ProjectRef project = new ProjectRef("3f1c9a52-0000-4000-8000-000000000001", "app");
  private final Instant now = Instant.parse("2026-03-01T09:00:00Z");
  private final ServerUrl server = ServerUrl.parse("https://team.example.com", "test");

  private EventQueue open() {
    return EventQueue.open(dir.resolve("state/queue.db"));
  }

  private static List<NewEvent> newEvents(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                new NewEvent(
                    "WPStatusChanged",
                    "WorkPackage",
                    "f/WP" + i,
                    JsonNodeFactory.instance.objectNode()))
        .toList();
  }

  @Test
  void queueIsFifoAndSurvivesReopening() {
    List<EventEnvelope> appended;
    String node;
    try (EventQueue q = open()) {
      appended = q.append(newEvents(5), project, "local", now);
      node = q.nodeId();
    }
    try (EventQueue q = open()) {
      assertThat(q.nodeId()).isEqualTo(node);
      assertThat(q.lamportClock()).isEqualTo(5);
      assertThat(q.queued(0, 3))
          .extracting(e -> e.envelope().eventId())
          .containsExactly(
              appended.get(0).eventId(), appended.get(1).eventId(), appended.get(2).eventId());
      long third = q.queued(0, 3).get(2).seq();
      assertThat(q.queued(third, 10)).hasSize(2);
    }
  }

  @Test
  void queueFileIsOwnerOnly() throws Exception {
    try (EventQueue q = open()) {
      q.append(newEvents(1), project, "local", now);
    }
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("state/queue.db"))))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state"))))
        .isEqualTo("rwx------");
  }

  @Test
  void onlyAcknowledgedEventsLeaveTheQueue() {
    try (EventQueue q = open()) {
      List<EventEnvelope> e = q.append(newEvents(3), project, "local", now);

      q.markSynced(List.of(e.get(0).eventId()));
      q.markRejected(Map.of(e.get(1).eventId(), "payload.wp_id is required"));
      q.markRejected(Map.of(e.get(1).eventId(), "payload.wp_id is required"));

      assertThat(q.queuedCount()).isEqualTo(2);
      assertThat(q.rejectedCount()).isEqualTo(1);
      assertThat(q.queued(0, 10)).extracting(QueuedEvent::retryCount).containsExactly(2, 0);
    }
  }

  @Test
  void pulledEventsAreDeduplicatedAndAdvanceClockAndCursorTogether() {
    try (EventQueue q = open()) {
      List<EventEnvelope> own = q.append(newEvents(2), project, "local", now);
      EventEnvelope teammate =
          new EventEnvelope(
              "01JTEAMMATE0000000000000001",
              "WPStatusChanged",
              "f/WP9",
              "WorkPackage",
              JsonNodeFactory.instance.objectNode(),
              now.toString(),
              "teammatenode",
              40,
              "kitty-team",
              project.uuid(),
              project.slug());

      int added = q.storePulled(List.of(teammate, own.get(0)), server, "c-2", now);
      int again = q.storePulled(List.of(teammate), server, "c-3", now);

      assertThat(added).isEqualTo(1);
      assertThat(again).isZero();
      assertThat(q.lamportClock()).isEqualTo(42);
      assertThat(q.pullCursor(server)).contains("c-3");
      assertThat(q.pulledCount()).isEqualTo(1);
      assertThat(q.queuedCount()).isEqualTo(2);
      assertThat(q.append(newEvents(1), project, "local", now).get(0).lamportClock()).isEqualTo(43);
    }
  }

  @Test
  void syncBookkeepingKeepsTheMetaKeysOfEarlierReleases() throws Exception {
    try (EventQueue q = open()) {
      q.storePulled(List.of(), server, "c-9", now);
      q.setLastSync(server, now);
    }
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state/queue.db"));
        PreparedStatement ps =
            db.prepareStatement("SELECT key, value FROM meta WHERE key LIKE ?")) {
      ps.setString(1, "%:https://team.example.com");
      Map<String, String> meta = new java.util.TreeMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          meta.put(rs.getString(1), rs.getString(2));
        }
      }
      assertThat(meta)
          .containsExactly(
              Map.entry("last_sync:https://team.example.com", "2026-03-01T09:00:00Z"),
              Map.entry("pull_cursor:https://team.example.com", "c-9"));
    }
    try (EventQueue q = open()) {
      assertThat(q.lastSync(server)).contains(now);
      assertThat(q.lastSync(ServerUrl.parse("https://other.example.com", "test"))).isEmpty();
    }
  }

  @Test
  void anEmptyQueueFileIsReportedNotStartedAfresh() throws Exception {
    Path file = Files.createDirectories(dir.resolve("state")).resolve("queue.db");
    Files.write(file, new byte[0]);

    assertThatThrownBy(() -> EventQueue.open(file))
        .hasMessage(
            "❌ The event queue "
                + file
                + " is empty (0 bytes): it was damaged, and the events in it are lost.\n"
                + "   Move it aside (e.g. to queue.db.damaged), then run the command again to"
                + " start a new queue.");
  }

  @Test
  void aFullDiskSaysSoInPlainWords() {
    Path file = dir.resolve("state/queue.db");
    EventQueue.open(file).close();
    try (EventQueue q = EventQueue.open(file, config -> config.setMaxPageCount(8))) {
      assertThatThrownBy(() -> q.append(newEvents(2_000), project, "local", now))
          .hasMessage(
              "❌ The disk is full: cannot write the event queue "
                  + file
                  + ".\n   Free some space, then run the command again.");
      assertThat(q.queuedCount()).isZero();
    }
  }
}
