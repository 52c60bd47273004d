package dev.speckitty.cli.queue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Fills a queue with synthetic work-package events, for sync tests. */
public final class TestEvents {
  public static final ProjectRef PROJECT =
      new ProjectRef("3f1c9a52-0000-4000-8000-000000000001", "app");

  private TestEvents() {}

  /** Appends {@code n} events (every 7th a {@code HistoryAdded}) to the queue at {@code db}. */
  public static List<EventEnvelope> queue(Path db, int n, Instant at) {
    try (EventQueue q = EventQueue.open(db)) {
      return q.append(
          IntStream.range(0, n)
              .mapToObj(
                  i ->
                      new NewEvent(
                          i % 7 == 3 ? "HistoryAdded" : "WPStatusChanged",
                          "WorkPackage",
                          "001-x/WP" + i,
                          JsonNodeFactory.instance.objectNode().put("wp_id", "WP" + i)))
              .toList(),
          PROJECT,
          "local",
          at);
    }
  }
}
