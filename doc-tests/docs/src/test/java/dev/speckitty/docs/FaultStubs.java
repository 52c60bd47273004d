package dev.speckitty.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One-off WireMock stub mappings for the fault matrix, as JSON: which request ({@link #onPush},
 * {@link #onPull}, …) gets which bad answer ({@link #status}, {@link #fault}, {@link #dribbled},
 * …). Written with Jackson so that any text — escape sequences, 17 MB of padding — is quoted right.
 */
final class FaultStubs {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STARTED = "Started";

  private FaultStubs() {}

  /** {@code POST /api/v1/events/batch/}: a push. */
  static String onPush(ObjectNode response) {
    return mapping("POST", "url", "/api/v1/events/batch/", response);
  }

  /** {@code GET /api/v1/events/?…}: a pull page. */
  static String onPull(ObjectNode response) {
    return mapping("GET", "urlPath", "/api/v1/events/", response);
  }

  /** {@code POST /api/v1/token/}: a login. */
  static String onLogin(ObjectNode response) {
    return mapping("POST", "url", "/api/v1/token/", response);
  }

  /** {@code POST /api/v1/token/refresh/}: a token refresh. */
  static String onRefresh(ObjectNode response) {
    return mapping("POST", "url", "/api/v1/token/refresh/", response);
  }

  /** {@code GET /api/v1/sync/health/}: what {@code sync status --check} asks. */
  static String onHealth(ObjectNode response) {
    return mapping("GET", "url", "/api/v1/sync/health/", response);
  }

  /** Every request under {@code /api/}, as a captive portal or a misrouted proxy answers. */
  static String onEveryApiCall(ObjectNode response) {
    return mapping("ANY", "urlPattern", "/api/.*", response);
  }

  /** The first push gets {@code response}; later ones go to the stub files. */
  static String firstPushGets(ObjectNode response) {
    return inPushes(STARTED, "first-done", onPush(response));
  }

  /**
   * The first push is answered as the stub files answer it; later ones see {@link
   * #onPushAfterTheFirst}.
   */
  static String firstPushOnly() {
    ObjectNode batch = JSON.createObjectNode();
    batch.putArray("transformers").add("spec-kitty-batch");
    return firstPushGets(batch);
  }

  /** Every push after the first gets {@code response}. */
  static String onPushAfterTheFirst(ObjectNode response) {
    return inPushes("first-done", null, onPush(response));
  }

  /** {@code mapping} only while the WireMock scenario {@code pushes} is in {@code state}. */
  private static String inPushes(String state, String next, String mapping) {
    try {
      ObjectNode m = (ObjectNode) JSON.readTree(mapping);
      m.put("scenarioName", "pushes").put("requiredScenarioState", state);
      if (next != null) {
        m.put("newScenarioState", next);
      }
      return m.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTP answer with {@code status}, a JSON {@code body} (any text) and header pairs. */
  static ObjectNode status(int status, String body, String... headerPairs) {
    ObjectNode r = JSON.createObjectNode().put("status", status);
    ObjectNode headers = r.putObject("headers").put("Content-Type", "application/json");
    for (int i = 0; i < headerPairs.length; i += 2) {
      headers.put(headerPairs[i], headerPairs[i + 1]);
    }
    r.put("body", body);
    return r;
  }

  /** An HTTP answer with {@code status} and an HTML page. */
  static ObjectNode html(int status, String page) {
    ObjectNode r = JSON.createObjectNode().put("status", status);
    r.putObject("headers").put("Content-Type", "text/html; charset=utf-8");
    r.put("body", page);
    return r;
  }

  /** An answer without a body, e.g. a redirect, with header pairs. */
  static ObjectNode bare(int status, String... headerPairs) {
    ObjectNode r = JSON.createObjectNode().put("status", status);
    ObjectNode headers = r.putObject("headers");
    for (int i = 0; i < headerPairs.length; i += 2) {
      headers.put(headerPairs[i], headerPairs[i + 1]);
    }
    return r;
  }

  /** {@code {"detail": detail}}, the server's error body, with {@code detail} quoted. */
  static String detail(String detail) {
    return JSON.createObjectNode().put("detail", detail).toString();
  }

  /** No HTTP answer: one of WireMock's faults, e.g. {@code RANDOM_DATA_THEN_CLOSE}. */
  static ObjectNode fault(String wireMockFault) {
    return JSON.createObjectNode().put("fault", wireMockFault);
  }

  /** The push stored as the stub files store it, with verdicts for the first {@code n} only. */
  static ObjectNode storeAllAnswerFirst(int n) {
    ObjectNode r = JSON.createObjectNode();
    r.putArray("transformers").add("spec-kitty-batch");
    r.putObject("transformerParameters").put("verdicts_for_first", n);
    return r;
  }

  /** {@code response}, sent only after {@code millis}. */
  static ObjectNode delayed(int millis, ObjectNode response) {
    return response.deepCopy().put("fixedDelayMilliseconds", millis);
  }

  /**
   * {@code response} with its body cut into {@code chunks} sent over {@code millis}: the headers
   * and the first chunk at once, the rest dribbling in.
   */
  static ObjectNode dribbled(int chunks, int millis, ObjectNode response) {
    ObjectNode r = response.deepCopy();
    r.putObject("chunkedDribbleDelay").put("numberOfChunks", chunks).put("totalDuration", millis);
    return r;
  }

  private static String mapping(String method, String urlKey, String url, ObjectNode response) {
    ObjectNode m = JSON.createObjectNode();
    m.putObject("request").put("method", method).put(urlKey, url);
    m.set("response", response);
    return m.toString();
  }
}
