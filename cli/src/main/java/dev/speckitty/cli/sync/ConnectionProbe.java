package dev.speckitty.cli.sync;

import dev.speckitty.cli.config.ServerUrl;
import dev.speckitty.cli.http.HttpTransport;
import dev.speckitty.cli.http.ServerUnreachableException;
import dev.speckitty.cli.http.Unreachable;
import java.time.Duration;

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
   */
  public record Outcome(String label, boolean reachable, int httpStatus) {}

  private final HttpTransport http;

  public ConnectionProbe(HttpTransport http) {
    this.http = http;
  }

  public Outcome probe(ServerUrl server) {
    try {
      int status = http.send(http.request(server.resolve(HEALTH_PATH)).GET().build()).statusCode();
      if (status == 401 || status == 403) {
        return new Outcome("Reachable (auth required)", true, status);
      }
      if (status == 200) {
        return new Outcome("Reachable", true, status);
      }
      return new Outcome("Unexpected response (HTTP " + status + ")", false, status);
    } catch (ServerUnreachableException e) {
      String why =
          e.kind() == Unreachable.TIMEOUT
              ? "timed out after " + seconds(http.timeout())
              : e.kind().words();
      return new Outcome("Unreachable (" + why + ")", false, 0);
    }
  }

  static String seconds(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0
        ? millis / 1000 + "s"
        : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
  }
}
