package dev.speckitty.mockserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/** A raw HTTP client for the mock server's API, for tests that speak to it directly. */
final class Api {
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;

  /** A status and a JSON (or text) body. */
  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return Responses.JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  Api(String base) {
    this.base = base;
  }

  Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  Answer postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer get(String path, String token) {
    HttpRequest.Builder r = request(path).GET();
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return send(r);
  }

  Answer pushGzip(String token, String json) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(
        request("/api/v1/events/batch/")
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())));
  }

  /** Asks for tokens with a user's password: the server's answer, whatever it is. */
  Answer token(String user, String password) {
    return postJson(
        "/api/v1/token/", "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(user, password));
  }

  String login(String user, String password) {
    return token(user, password).json().get("access").asText();
  }

  /** The body of a push: {@code events} (each a JSON object, as {@link #event} writes) in order. */
  static String batch(List<String> events) {
    return "{\"events\": [" + String.join(",", events) + "]}";
  }

  /** Events 1 to {@code count} of {@code team}: event {@code n} has ULID {@code n}, clock n. */
  static List<String> events(String team, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> event(ulid(i), team, i)).toList();
  }

  static String event(String id, String team, long clock) {
    return """
        {"event_id": "%s", "event_type": "WPStatusChanged", "aggregate_id": "001-x/WP01",
         "aggregate_type": "WorkPackage", "payload": {"feature_id": "001-x", "wp_id": "WP01"},
         "timestamp": "2026-03-01T09:00:00Z", "node_id": "0a1b2c3d4e5f", "lamport_clock": %d,
         "team_slug": "%s", "project_uuid": "3f1c9a52-0000-4000-8000-000000000001",
         "project_slug": "app"}"""
        .formatted(id, clock, team);
  }

  /** A valid ULID for event number {@code n}. */
  static String ulid(int n) {
    return "01JQ0000000000000000%06d".formatted(n);
  }
}
