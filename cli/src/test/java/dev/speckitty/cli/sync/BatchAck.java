package dev.speckitty.cli.sync;

import static dev.speckitty.cli.NamedTransformer.jsonAnswer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.speckitty.cli.NamedTransformer;
import dev.speckitty.cli.core.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A test server's batch endpoint: answers each pushed event {@code success} the first time, {@code
 * duplicate} after that, or {@code rejected} when the test says so.
 */
final class BatchAck implements NamedTransformer {
  final Set<String> stored = ConcurrentHashMap.newKeySet();
  final List<JsonNode> received = new CopyOnWriteArrayList<>();
  volatile Predicate<JsonNode> reject = e -> false;
  volatile int verdictsAtMost = Integer.MAX_VALUE;
  volatile String rejectReason = "payload.wp_id is required";
  volatile String statusWord = null;

  void reset() {
    statusWord = null;
    rejectReason = "payload.wp_id is required";
    stored.clear();
    received.clear();
    reject = e -> false;
    verdictsAtMost = Integer.MAX_VALUE;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    ObjectNode answer = Json.mapper().createObjectNode();
    ArrayNode results = answer.putArray("results");
    try {
      byte[] body = serveEvent.getRequest().getBody();
      if (body.length > 1 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b) {
        body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
      }
      for (JsonNode e : Json.mapper().readTree(body).get("events")) {
        received.add(e);
        if (results.size() >= verdictsAtMost) {
          continue; // a server that answers for only some of the events
        }
        String id = e.get("event_id").asText();
        ObjectNode r = results.addObject().put("event_id", id);
        if (reject.test(e)) {
          r.put("status", "rejected").put("error", rejectReason);
        } else {
          r.put(
              "status", statusWord != null ? statusWord : stored.add(id) ? "success" : "duplicate");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jsonAnswer(serveEvent, 200, answer.toString());
  }

  @Override
  public String getName() {
    return "batch-ack";
  }
}
