package dev.speckitty.cli.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.speckitty.cli.auth.AuthenticatedClient;
import dev.speckitty.cli.core.Json;
import dev.speckitty.cli.core.ServerText;
import dev.speckitty.cli.http.ApiErrors;
import dev.speckitty.cli.http.ServerUnreachableException;
import dev.speckitty.cli.queue.EventEnvelope;
import dev.speckitty.cli.queue.EventQueue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The two event endpoints: {@code POST /api/v1/events/batch/} (gzip JSON, at most 1000 events) and
 * {@code GET /api/v1/events/} (pull by cursor). A 429 is retried after its {@code Retry-After}, a
 * few times and never for long.
 */
public final class EventsApi {
  public static final int MAX_BATCH = 1000;
  static final String BATCH_PATH = "/api/v1/events/batch/";
  static final String PULL_PATH = "/api/v1/events/";
  static final int MAX_429_RETRIES = 3;
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

  private final AuthenticatedClient client;

  public EventsApi(AuthenticatedClient client) {
    this.client = client;
  }

  /** Pushes one batch; returns the server's verdict per event. */
  public List<PushResult> push(List<EventEnvelope> events) throws ServerUnreachableException {
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode array = body.putArray("events");
    events.forEach(e -> array.add(Json.mapper().valueToTree(e)));
    byte[] gzipped = gzip(body);
    HttpResponse<byte[]> response =
        send(
            bearer ->
                client
                    .transport()
                    .request(client.server().resolve(BATCH_PATH))
                    .header("Authorization", bearer)
                    .header("Content-Type", "application/json")
                    .header("Content-Encoding", "gzip")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped))
                    .build());
    JsonNode json = parse(response);
    JsonNode results = json.get("results");
    if (results == null || !results.isArray()) {
      throw ApiErrors.invalidResponse(response.statusCode());
    }
    List<PushResult> verdicts = new ArrayList<>();
    for (JsonNode r : results) {
      if (!r.isObject() || !r.path("event_id").isTextual() || !r.path("status").isTextual()) {
        throw ApiErrors.invalidResponse(response.statusCode());
      }
      verdicts.add(
          new PushResult(
              r.get("event_id").asText(),
              r.get("status").asText(),
              r.path("error").isTextual() ? r.get("error").asText() : null));
    }
    return verdicts;
  }

  /**
   * Pulls the page of events after {@code cursor} (empty: from the beginning), without the events
   * this node recorded itself.
   */
  public PullPage pull(String cursor, int limit, String nodeId) throws ServerUnreachableException {
    String query =
        "?after="
            + URLEncoder.encode(cursor, StandardCharsets.UTF_8)
            + "&limit="
            + limit
            + "&exclude_node="
            + URLEncoder.encode(nodeId, StandardCharsets.UTF_8);
    HttpResponse<byte[]> response =
        send(
            bearer ->
                client
                    .transport()
                    .request(client.server().resolve(PULL_PATH + query))
                    .header("Authorization", bearer)
                    .header("Accept", "application/json")
                    .GET()
                    .build());
    JsonNode json = parse(response);
    JsonNode events = json.get("events");
    if (events == null || !events.isArray()) {
      throw ApiErrors.invalidResponse(response.statusCode());
    }
    List<EventEnvelope> envelopes = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (JsonNode e : events) {
      Optional<String> violation = EventContract.violation(e);
      if (violation.isPresent()) {
        skipped.add(violation.get());
        continue;
      }
      try {
        envelopes.add(EventQueue.envelopeOf(e));
      } catch (IOException | IllegalArgumentException notAnEnvelope) {
        skipped.add(ServerText.sanitize(e.path("event_id").asText()) + ": not an event");
      }
    }
    JsonNode next = json.get("next_cursor");
    return new PullPage(
        envelopes,
        skipped,
        next == null || !next.isTextual() ? cursor : next.asText(),
        json.path("has_more").asBoolean(false));
  }

  private HttpResponse<byte[]> send(java.util.function.Function<String, HttpRequest> build)
      throws ServerUnreachableException {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<byte[]> response = client.send(build);
      int status = response.statusCode();
      if (status == 429 && attempt < MAX_429_RETRIES) {
        sleep(retryAfter(response));
        continue;
      }
      if (status >= 200 && status < 300) {
        return response;
      }
      throw ApiErrors.failed(response);
    }
  }

  static Duration retryAfter(HttpResponse<?> response) {
    Duration wait =
        response
            .headers()
            .firstValue("Retry-After")
            .map(
                v -> {
                  try {
                    return Duration.ofSeconds(Long.parseLong(v.strip()));
                  } catch (NumberFormatException e) {
                    return Duration.ofSeconds(5);
                  }
                })
            .orElse(Duration.ofSeconds(1));
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static JsonNode parse(HttpResponse<byte[]> response) {
    try {
      JsonNode json = Json.mapper().readTree(response.body());
      if (json == null || !json.isObject()) {
        throw ApiErrors.invalidResponse(response.statusCode());
      }
      return json;
    } catch (IOException e) {
      throw ApiErrors.invalidResponse(response.statusCode());
    }
  }

  private static byte[] gzip(JsonNode body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      Json.compact().writeValue(gz, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
