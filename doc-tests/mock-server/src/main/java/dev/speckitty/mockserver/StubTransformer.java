package dev.speckitty.mockserver;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Optional;

/**
 * What the stateful stubs share: a name the JSON stub files refer to, applied only where a stub
 * names it, and the bearer-token check of the authenticated endpoints.
 */
abstract class StubTransformer implements ResponseDefinitionTransformerV2 {
  private final String name;
  protected final TeamServerState state;

  StubTransformer(String name, TeamServerState state) {
    this.name = name;
    this.state = state;
  }

  /** The session of the request's bearer token, if it is valid. */
  protected Optional<TeamServerState.Session> session(ServeEvent serveEvent) {
    return state.authenticate(serveEvent.getRequest().getHeader("Authorization"));
  }

  /** The answer to a request without a valid token. */
  protected static ResponseDefinition notAuthenticated() {
    return Responses.error(401, "Given token not valid for any token type");
  }

  @Override
  public final boolean applyGlobally() {
    return false;
  }

  @Override
  public final String getName() {
    return name;
  }
}
