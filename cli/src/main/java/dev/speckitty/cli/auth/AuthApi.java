package dev.speckitty.cli.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.speckitty.cli.config.ServerUrl;
import dev.speckitty.cli.core.CliException;
import dev.speckitty.cli.core.Json;
import dev.speckitty.cli.http.ApiErrors;
import dev.speckitty.cli.http.HttpTransport;
import dev.speckitty.cli.http.ServerUnreachableException;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The two token endpoints of the server API: obtain a pair with a password, refresh it. */
public final class AuthApi {
  static final String TOKEN_PATH = "/api/v1/token/";
  static final String REFRESH_PATH = "/api/v1/token/refresh/";

  private final HttpTransport http;

  public AuthApi(HttpTransport http) {
    this.http = http;
  }

  /** The outcome of a token call: tokens, or the HTTP status that refused them. */
  public sealed interface Result {
    /** The server issued tokens. */
    record Issued(TokenResponse tokens) implements Result {}

    /** HTTP 401: bad username/password, or an invalid refresh token. */
    record Rejected() implements Result {}

    /** Any other non-2xx status, and the message that says what it means. */
    record Failed(CliException error) implements Result {}

    /** A 2xx whose body is not the expected JSON. */
    record Garbled(int status) implements Result {}
  }

  /** {@code POST /api/v1/token/ {"username","password"}}. */
  public Result obtain(ServerUrl server, String username, char[] password)
      throws ServerUnreachableException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("username", username);
    body.put("password", new String(password));
    return post(server, TOKEN_PATH, body);
  }

  /** {@code POST /api/v1/token/refresh/ {"refresh"}}. */
  public Result refresh(ServerUrl server, String refreshToken) throws ServerUnreachableException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("refresh", refreshToken);
    return post(server, REFRESH_PATH, body);
  }

  private Result post(ServerUrl server, String path, ObjectNode body)
      throws ServerUnreachableException {
    byte[] json;
    try {
      json = Json.mapper().writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest request =
        http.request(server.resolve(path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json))
            .build();
    HttpResponse<byte[]> response = http.send(request);
    int status = response.statusCode();
    if (status == 401) {
      return new Result.Rejected();
    }
    if (status < 200 || status > 299) {
      return new Result.Failed(ApiErrors.failed(response));
    }
    try {
      TokenResponse tokens = Json.mapper().readValue(response.body(), TokenResponse.class);
      return tokens != null && tokens.complete()
          ? new Result.Issued(tokens)
          : new Result.Garbled(status);
    } catch (IOException e) {
      return new Result.Garbled(status);
    }
  }
}
