package dev.speckitty.cli.queue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event as it travels between CLI and server — the spec-kitty 2.x envelope, field for field.
 *
 * @param eventId ULID, unique across all nodes; the server deduplicates by it
 * @param eventType e.g. {@code WPStatusChanged}
 * @param aggregateId what the event is about, e.g. {@code 001-photo-gallery/WP01}
 * @param aggregateType {@code Project}, {@code Feature} or {@code WorkPackage}
 * @param payload event-specific fields
 * @param timestamp UTC ISO-8601 instant the event was recorded
 * @param nodeId the recording machine's stable id
 * @param lamportClock logical time, orders events across nodes
 * @param teamSlug the team ({@code local} until the first login)
 * @param projectUuid the project's identity from {@code .kittify/project.json}
 * @param projectSlug the project's readable name
 */
@JsonPropertyOrder({
  "event_id",
  "event_type",
  "aggregate_id",
  "aggregate_type",
  "payload",
  "timestamp",
  "node_id",
  "lamport_clock",
  "team_slug",
  "project_uuid",
  "project_slug"
})
public record EventEnvelope(
    @JsonProperty("event_id") String eventId,
    @JsonProperty("event_type") String eventType,
    @JsonProperty("aggregate_id") String aggregateId,
    @JsonProperty("aggregate_type") String aggregateType,
    @JsonProperty("payload") JsonNode payload,
    @JsonProperty("timestamp") String timestamp,
    @JsonProperty("node_id") String nodeId,
    @JsonProperty("lamport_clock") long lamportClock,
    @JsonProperty("team_slug") String teamSlug,
    @JsonProperty("project_uuid") String projectUuid,
    @JsonProperty("project_slug") String projectSlug) {

  /** The team an event recorded before login is pushed under. */
  public static final String LOCAL_TEAM = "local";

  /** The same event filed under {@code team} (events recorded before login join the team). */
  public EventEnvelope withTeam(String team) {
    return new EventEnvelope(
        eventId,
        eventType,
        aggregateId,
        aggregateType,
        payload,
        timestamp,
        nodeId,
        lamportClock,
        team,
        projectUuid,
        projectSlug);
  }
}
