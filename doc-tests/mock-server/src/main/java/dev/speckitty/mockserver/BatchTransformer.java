package dev.speckitty.mockserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/events/batch/}: gzip or plain JSON, at most 1000 events, a verdict per event.
 * Transformer parameter {@code reject_first: true} rejects the first event of each batch; {@code
 * verdicts_for_first: n} stores every event but answers only for the first {@code n}, as a broken
 * server might.
 */
final class BatchTransformer extends StubTransformer {
  static final String NAME = "spec-kitty-batch";
  private final java.util.concurrent.atomic.AtomicInteger answered =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile int holdAfter = Integer.MAX_VALUE;
  private volatile int holdMillis;

  BatchTransformer(TeamServerState state) {
    super(NAME, state);
  }

  /** From the next batch on, answers after the first {@code batches} are delayed (crash tests). */
  void holdAnswersAfter(int batches, int millis) {
    answered.set(0);
    holdAfter = batches;
    holdMillis = millis;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Optional<TeamServerState.Session> session = session(serveEvent);
    if (session.isEmpty()) {
      return notAuthenticated();
    }
    JsonNode body;
    try {
      body = Responses.JSON.readTree(Gzip.bodyOf(serveEvent.getRequest()));
    } catch (IOException e) {
      return Responses.error(400, "The body must be JSON (gzip-compressed or plain).");
    }
    if (body == null || !body.path("events").isArray()) {
      return Responses.error(400, "events is required and must be an array.");
    }
    List<JsonNode> events = new ArrayList<>();
    body.get("events").forEach(events::add);
    if (events.isEmpty()) {
      return Responses.error(400, "events must not be empty.");
    }
    if (events.size() > TeamServerState.MAX_BATCH) {
      return Responses.error(
          400,
          "A batch holds at most "
              + TeamServerState.MAX_BATCH
              + " events (got "
              + events.size()
              + ").");
    }
    for (int i = 0; i < events.size(); i++) {
      if (!events.get(i).path("event_id").isTextual()) {
        return Responses.error(400, "events[" + i + "].event_id is required.");
      }
    }
    boolean rejectFirst =
        Boolean.TRUE.equals(serveEvent.getTransformerParameters().get("reject_first"));
    ObjectNode answer = Responses.JSON.createObjectNode();
    ArrayNode results = answer.putArray("results");
    List<TeamServerState.Verdict> verdicts =
        state.store(session.get().team(), session.get().username(), events, rejectFirst);
    Object answerFirst = serveEvent.getTransformerParameters().get("verdicts_for_first");
    if (answerFirst instanceof Number n) {
      verdicts = verdicts.subList(0, Math.min(n.intValue(), verdicts.size()));
    }
    for (TeamServerState.Verdict v : verdicts) {
      ObjectNode r = results.addObject().put("event_id", v.eventId()).put("status", v.status());
      if (v.error() != null) {
        r.put("error", v.error());
      }
    }
    ResponseDefinition ok = Responses.json(200, answer);
    if (answered.incrementAndGet() > holdAfter) {
      return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(ok)
          .withFixedDelay(holdMillis)
          .build();
    }
    return ok;
  }
}
