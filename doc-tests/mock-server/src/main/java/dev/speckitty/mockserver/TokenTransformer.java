package dev.speckitty.mockserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;

/** {@code POST /api/v1/token/} and {@code /api/v1/token/refresh/} against the user fixture. */
final class TokenTransformer extends StubTransformer {
  static final String NAME = "spec-kitty-token";

  TokenTransformer(TeamServerState state) {
    super(NAME, state);
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    JsonNode body;
    try {
      body = Responses.JSON.readTree(serveEvent.getRequest().getBody());
    } catch (IOException e) {
      return Responses.error(400, "The body must be JSON.");
    }
    boolean isRefresh = serveEvent.getRequest().getUrl().startsWith("/api/v1/token/refresh/");
    if (isRefresh) {
      if (body == null || !body.path("refresh").isTextual()) {
        return Responses.error(400, "refresh is required.");
      }
      return state
          .refresh(body.get("refresh").asText())
          .map(t -> Responses.json(200, t))
          .orElseGet(() -> Responses.error(401, "Token is invalid or expired"));
    }
    if (body == null || !body.path("username").isTextual() || !body.path("password").isTextual()) {
      return Responses.error(400, "username and password are required.");
    }
    return state
        .login(body.get("username").asText(), body.get("password").asText())
        .map(t -> Responses.json(200, t))
        .orElseGet(
            () -> Responses.error(401, "No active account found with the given credentials"));
  }
}
