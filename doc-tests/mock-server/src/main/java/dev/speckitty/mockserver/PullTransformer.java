package dev.speckitty.mockserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Optional;

/** {@code GET /api/v1/events/?after=&limit=}: the team's events, a page at a time. */
final class PullTransformer extends StubTransformer {
  static final String NAME = "spec-kitty-pull";

  PullTransformer(TeamServerState state) {
    super(NAME, state);
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Optional<TeamServerState.Session> session = session(serveEvent);
    if (session.isEmpty()) {
      return notAuthenticated();
    }
    String after = first(serveEvent.getRequest().queryParameter("after")).orElse("");
    String limitText = first(serveEvent.getRequest().queryParameter("limit")).orElse("1000");
    int limit;
    try {
      limit = Integer.parseInt(limitText);
    } catch (NumberFormatException e) {
      return Responses.error(400, "limit must be a number.");
    }
    if (limit < 1 || limit > TeamServerState.MAX_BATCH) {
      return Responses.error(400, "limit must be between 1 and " + TeamServerState.MAX_BATCH + ".");
    }
    if (!TeamServerState.isValidCursor(after)) {
      return Responses.error(400, "after is not a cursor this server issued.");
    }
    String excludeNode = first(serveEvent.getRequest().queryParameter("exclude_node")).orElse(null);
    TeamServerState.Page page = state.pull(session.get().team(), after, limit, excludeNode);
    ObjectNode answer = Responses.JSON.createObjectNode();
    ArrayNode events = answer.putArray("events");
    page.events().forEach(events::add);
    answer.put("next_cursor", page.nextCursor()).put("has_more", page.hasMore());
    return Responses.json(200, answer);
  }

  private static Optional<String> first(QueryParameter p) {
    return p != null && p.isPresent() ? Optional.of(p.firstValue()) : Optional.empty();
  }
}
