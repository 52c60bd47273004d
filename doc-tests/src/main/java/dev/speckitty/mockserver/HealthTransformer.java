package dev.speckitty.mockserver;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** {@code GET /api/v1/sync/health/}: 401 without a valid token, 200 with one. */
final class HealthTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "spec-kitty-health";
  private final TeamServerState state;

  HealthTransformer(TeamServerState state) {
    this.state = state;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    return state
        .authenticate(serveEvent.getRequest().getHeader("Authorization"))
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

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
