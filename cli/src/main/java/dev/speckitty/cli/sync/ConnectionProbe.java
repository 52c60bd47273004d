package dev.speckitty.cli.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.speckitty.cli.config.ServerUrl;
import dev.speckitty.cli.core.Json;
import dev.speckitty.cli.http.ApiErrors;
import dev.speckitty.cli.http.HttpTransport;
import dev.speckitty.cli.http.ServerUnreachableException;
import dev.speckitty.cli.http.Unreachable;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Answers "is the server there?" with one unauthenticated {@code GET /api/v1/sync/health/}: a 401
 * is good news here — the server is up and asks for a token.
 */
public final class ConnectionProbe {
  static final String HEALTH_PATH = "/api/v1/sync/health/";

  /**
   * What the probe found.
   *
   * @param label the words {@code sync status --check} shows
   * @param reachable whether the server answered as a spec-kitty server
   * @param httpStatus the status, or 0 when nothing answered
   * @param advice what to do, when the check knows: for a plain-HTTP answer, the URL to use
   */
  public record Outcome(String label, boolean reachable, int httpStatus, List<String> advice) {
    Outcome(String label, boolean reachable, int httpStatus) {
      this(label, reachable, httpStatus, List.of());
    }
  }

  private final HttpTransport http;

  public ConnectionProbe(HttpTransport http) {
    this.http = http;
  }

  public Outcome probe(ServerUrl server) {
    try {
      HttpResponse<byte[]> response =
          http.send(
              http.request(server.resolve(HEALTH_PATH))
                  .header("Accept", "application/json")
                  .GET()
                  .build());
      int status = response.statusCode();
      if (status == 401 || status == 403) {
        return new Outcome("Reachable (auth required)", true, status);
      }
      if (status == 200 && isHealth(response.body())) {
        return new Outcome("Reachable", true, status);
      }
      if (status == 200) {
        // A captive portal or a proxy's page answers 200 too: only the health answer counts.
        return new Outcome(
            "Unexpected response (HTTP 200, not a Spec Kitty server)", false, status);
      }
      return new Outcome("Unexpected response (HTTP " + status + ")", false, status);
    } catch (ServerUnreachableException e) {
      String why =
          e.kind() == Unreachable.TIMEOUT
              ? "timed out after " + seconds(http.timeout())
              : e.kind().words();
      List<String> advice =
          e.kind() == Unreachable.PLAIN_HTTP
              ? ApiErrors.unreachable(server, e).lines()
              : List.<String>of();
      return new Outcome("Unreachable (" + why + ")", false, 0, advice);
    }
  }

  /** Whether {@code body} is the contract's health answer: {@code {"status": "ok", …}}. */
  private static boolean isHealth(byte[] body) {
    try {
      JsonNode json = Json.mapper().readTree(body);
      return json != null && json.isObject() && "ok".equals(json.path("status").asText(null));
    } catch (IOException notJson) {
      return false;
    }
  }

  static String seconds(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0
        ? millis / 1000 + "s"
        : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
  }
}
