package dev.speckitty.mockserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One line of the dashboard's activity feed: who pushed which change, in words, and when. The feed
 * leaves out {@code HistoryAdded}: the CLI records one with every other change, saying the same
 * thing again.
 *
 * @param who the user whose session pushed the event
 * @param initial the first letter of {@code who}, for the avatar
 * @param what the change in words, e.g. "moved WP01 from doing to for_review"
 * @param where the project (and feature) it happened in
 * @param when the event's timestamp in UTC, e.g. "2026-03-01 09:00:05 UTC"
 * @param iso the timestamp as the event gives it, for {@code <time datetime>}
 * @param type the event type
 */
record Activity(
    String who, String initial, String what, String where, String when, String iso, String type) {
  /** How many changes the feed shows. */
  static final int SIZE = 20;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** The latest {@link #SIZE} changes of a log, newest first: by timestamp, then arrival. */
  static List<Activity> latest(List<TeamServerState.StoredEvent> log) {
    Comparator<TeamServerState.StoredEvent> newestFirst =
        Comparator.comparing(
                (TeamServerState.StoredEvent s) -> instant(s.event()).orElse(Instant.MIN))
            .thenComparingLong(TeamServerState.StoredEvent::seq)
            .reversed();
    return log.stream()
        .filter(s -> !s.event().path("event_type").asText().equals("HistoryAdded"))
        .sorted(newestFirst)
        .limit(SIZE)
        .map(Activity::of)
        .toList();
  }

  static Activity of(TeamServerState.StoredEvent stored) {
    JsonNode e = stored.event();
    String timestamp = e.path("timestamp").asText();
    String who = stored.pushedBy();
    String feature = e.path("payload").path("feature_id").asText();
    String project = e.path("project_slug").asText();
    return new Activity(
        who,
        who.isEmpty() ? "?" : who.substring(0, 1).toUpperCase(Locale.ROOT),
        what(e),
        feature.isEmpty() ? project : project + " · " + feature,
        instant(e).map(WHEN::format).orElse(timestamp),
        timestamp,
        e.path("event_type").asText());
  }

  /** The change in words, from the event's type and payload. */
  static String what(JsonNode e) {
    JsonNode p = e.path("payload");
    String feature = p.path("feature_id").asText();
    String wp = p.path("wp_id").asText();
    return switch (e.path("event_type").asText()) {
      case "ProjectCreated" ->
          "created project " + p.path("slug").asText(e.path("project_slug").asText());
      case "FeatureCreated" -> "created feature " + feature;
      case "FeaturePlanned" ->
          p.has("work_packages")
              ? "planned feature %s (%d work packages)"
                  .formatted(feature, p.path("work_packages").asInt())
              : "planned feature " + feature;
      case "WPCreated" -> "created " + wp + " “" + p.path("title").asText() + "”";
      case "WPStatusChanged" ->
          p.hasNonNull("from_lane") && p.hasNonNull("to_lane")
              ? "moved %s from %s to %s"
                  .formatted(wp, p.path("from_lane").asText(), p.path("to_lane").asText())
              : "changed the lane of " + wp;
      case "FeatureCompleted" -> "accepted feature " + feature;
      default -> e.path("event_type").asText() + " on " + e.path("aggregate_id").asText();
    };
  }

  private static Optional<Instant> instant(JsonNode event) {
    try {
      return Optional.of(Instant.parse(event.path("timestamp").asText()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
