package dev.speckitty.cli.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.speckitty.cli.core.ServerText;
import dev.speckitty.cli.queue.EventEnvelope;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API contract of one event (docs/reference/server-api.openapi.yaml, {@code Event}), checked on
 * every event a pull brings: an event that breaks it is not stored, so a server cannot put a clock,
 * an id or a field into the local history that later breaks this machine's own events.
 */
final class EventContract {
  /**
   * The largest Lamport clock accepted: 2^53 - 1, the largest integer every JSON reader keeps
   * exactly. The contract's lower bound is 1; this upper bound keeps the local clock, which moves
   * past the newest received, far from overflowing.
   */
  static final long MAX_CLOCK = (1L << 53) - 1;

  private static final Pattern ULID = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");

  /**
   * The envelope's other text fields: {@link EventEnvelope}'s (whose fields the contract's tests
   * hold to the OpenAPI file), but the id and the time, which have rules of their own.
   */
  private static final List<String> TEXT_FIELDS =
      Arrays.stream(EventEnvelope.class.getRecordComponents())
          .filter(c -> c.getType() == String.class)
          .map(c -> c.getAccessor().getAnnotation(JsonProperty.class).value())
          .filter(name -> !name.equals("event_id") && !name.equals("timestamp"))
          .toList();

  private EventContract() {}

  /**
   * Why {@code event} breaks the contract, as {@code <event_id>: <rule>}; empty when it keeps it.
   */
  static Optional<String> violation(JsonNode event) {
    if (event == null || !event.isObject()) {
      return Optional.of("an event that is not a JSON object");
    }
    JsonNode id = event.get("event_id");
    String who =
        id != null && id.isTextual() ? ServerText.sanitize(id.asText()) : "an event without id";
    return rule(event, id).map(rule -> who + ": " + rule);
  }

  private static Optional<String> rule(JsonNode event, JsonNode id) {
    if (id == null || !id.isTextual() || !ULID.matcher(id.asText()).matches()) {
      return Optional.of("event_id must be a ULID");
    }
    for (String field : TEXT_FIELDS) {
      JsonNode value = event.get(field);
      if (value == null || !value.isTextual()) {
        return Optional.of(field + " must be a string");
      }
    }
    if (!event.path("payload").isObject()) {
      return Optional.of("payload must be an object");
    }
    JsonNode timestamp = event.get("timestamp");
    if (timestamp == null || !timestamp.isTextual() || !isDateTime(timestamp.asText())) {
      return Optional.of("timestamp must be a date-time");
    }
    JsonNode clock = event.get("lamport_clock");
    if (clock == null
        || !clock.isIntegralNumber()
        || !clock.canConvertToLong()
        || clock.asLong() < 1
        || clock.asLong() > MAX_CLOCK) {
      return Optional.of("lamport_clock must be from 1 to " + MAX_CLOCK);
    }
    return Optional.empty();
  }

  private static boolean isDateTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
