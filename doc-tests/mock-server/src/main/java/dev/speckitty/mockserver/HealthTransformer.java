package dev.speckitty.mockserver;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** {@code GET /api/v1/sync/health/}: 401 without a valid token, 200 with one. */
final class HealthTransformer extends StubTransformer {
  static final String NAME = "spec-kitty-health";

  HealthTransformer(TeamServerState state) {
    super(NAME, state);
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    return session(serveEvent)
        .map(
            s ->
                Responses.json(
                    200,
                    Responses.JSON
                        .createObjectNode()
                        .put("status", "ok")
                        .put("team_slug", s.team())))
        .orElseGet(() -> Responses.error(401, "Authentication credentials were not provided."));
  }
}
