package dev.speckitty.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.speckitty.cli.config.ServerUrl;
import dev.speckitty.cli.core.CliException;
import dev.speckitty.cli.core.Failure;
import dev.speckitty.cli.core.Json;
import dev.speckitty.cli.core.ServerText;
import java.io.IOException;
import java.net.http.HttpResponse;

/**
 * The user-facing messages for a server that is unreachable or answers badly, shared by every
 * command that talks to it, so that the same failure reads the same everywhere. Whatever the server
 * wrote goes through {@link ServerText#sanitize} first.
 */
public final class ApiErrors {
  private ApiErrors() {}

  /**
   * No HTTP answer from {@code server}, or (for an https:// URL) a plain-HTTP one: then, for a
   * server on this machine, the http:// URL to use instead.
   */
  public static CliException unreachable(ServerUrl server, ServerUnreachableException e) {
    if (e.kind() != Unreachable.PLAIN_HTTP) {
      return Failure.UNREACHABLE.with("server", server);
    }
    return server.isLocal()
        ? Failure.PLAIN_HTTP_LOCAL.with("server", server, "http_url", server.withPlainHttp())
        : Failure.PLAIN_HTTP.with("server", server);
  }

  public static CliException unavailable(int status) {
    return Failure.UNAVAILABLE.with("status", status);
  }

  public static CliException invalidResponse(int status) {
    return Failure.INVALID_RESPONSE.with("status", status);
  }

  /**
   * An answer that is not a success, by what it means: the server is overloaded or failing (429,
   * 5xx: try again later), it redirects (3xx: not followed, the URL is likely wrong), or it refuses
   * this request (4xx, with its reason when it gives one).
   */
  public static CliException failed(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status == 429 || status >= 500) {
      return unavailable(status);
    }
    if (status >= 300 && status < 400) {
      return Failure.REDIRECTED.with(
          "status",
          status,
          "location",
          ServerText.sanitize(response.headers().firstValue("Location").orElse("nowhere")));
    }
    if (status >= 400) {
      String detail = detail(response.body());
      return detail.isEmpty()
          ? Failure.REFUSED.with("status", status)
          : Failure.REFUSED_WITH_DETAIL.with("status", status, "detail", detail);
    }
    return invalidResponse(status);
  }

  /** The {@code detail} (or {@code error}) of an error answer, sanitised; empty without one. */
  private static String detail(byte[] body) {
    try {
      JsonNode json = Json.mapper().readTree(body);
      if (json == null || !json.isObject()) {
        return "";
      }
      JsonNode reason = json.hasNonNull("detail") ? json.get("detail") : json.get("error");
      return reason != null && reason.isTextual() ? ServerText.sanitize(reason.asText()) : "";
    } catch (IOException | RuntimeException notJson) {
      return "";
    }
  }
}
