package dev.speckitty.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mock's behaviour, spoken to over raw HTTP, with every exchange checked by the contract. */
class MockTeamServerTest extends ContractCheckedServerTest {
  static final String USER = "reader@spec-kitty.test";
  static final String PASSWORD = "kitty-42";

  @Test
  void loginIssuesTokensWithTheDocumentedLifetimes() {
    JsonNode tokens = api.token(USER, PASSWORD).json();

    assertThat(tokens.get("access_expires_in").asLong()).isEqualTo(86_400);
    assertThat(tokens.get("refresh_expires_in").asLong()).isEqualTo(604_800);
    assertThat(tokens.get("team_slug").asText()).isEqualTo("kitty-team");
  }

  @Test
  void wrongPasswordAndMissingFieldsAreRefused() {
    Api.Answer wrong = api.token(USER, "nope");

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().get("detail").asText())
        .isEqualTo("No active account found with the given credentials");
  }

  @Test
  void refreshRotatesTheRefreshToken() {
    JsonNode first = api.token(USER, PASSWORD).json();
    String refresh = first.get("refresh").asText();

    Api.Answer renewed =
        api.postJson("/api/v1/token/refresh/", "{\"refresh\": \"" + refresh + "\"}");
    Api.Answer reused =
        api.postJson("/api/v1/token/refresh/", "{\"refresh\": \"" + refresh + "\"}");

    assertThat(renewed.status()).isEqualTo(200);
    assertThat(renewed.json().get("access").asText()).isNotEqualTo(first.get("access").asText());
    assertThat(reused.status()).isEqualTo(401);
  }

  @Test
  void healthIs401WithoutTokenAnd200WithOne() {
    String token = api.login(USER, PASSWORD);

    assertThat(api.get("/api/v1/sync/health/", null).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/sync/health/", token).status()).isEqualTo(200);
    server.state().expireAccessTokens();
    assertThat(api.get("/api/v1/sync/health/", token).status()).isEqualTo(401);
  }

  @Test
  void noRequestCanRewriteTheServersAnswers() {
    Api.Answer added =
        api.postJson(
            "/__admin/mappings",
            "{\"priority\": 1, \"request\": {\"method\": \"GET\","
                + " \"url\": \"/api/v1/sync/health/\"}, \"response\": {\"status\": 200}}");

    assertThat(added.status()).isEqualTo(401);
    assertThat(api.get("/__admin/mappings", null).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/sync/health/", null).status()).isEqualTo(401);
  }

  @Test
  void batchStoresOnceAndAnswersDuplicateAfterwards() {
    String token = api.login(USER, PASSWORD);
    String batch = Api.batch(Api.events("kitty-team", 2));

    JsonNode first = api.pushGzip(token, batch).json();
    JsonNode again = api.pushGzip(token, batch).json();

    assertThat(first.findValuesAsText("status")).containsExactly("success", "success");
    assertThat(again.findValuesAsText("status")).containsExactly("duplicate", "duplicate");
    assertThat(server.state().events("kitty-team")).hasSize(2);
  }

  @Test
  void malformedEventsAreRejectedWithAReason() {
    String token = api.login(USER, PASSWORD);
    String batch =
        Api.batch(
            List.of(Api.event(Api.ulid(1), "local", 1), Api.event("not-a-ulid", "kitty-team", 2)));

    JsonNode answer = api.pushGzip(token, batch).json();

    assertThat(answer.findValuesAsText("status")).containsExactly("rejected", "rejected");
    assertThat(answer.findValuesAsText("error"))
        .containsExactly(
            "team_slug 'local' is not your team 'kitty-team'", "event_id must be a ULID");
    assertThat(contract.drain()).singleElement().asString().contains("event_id");
  }

  @Test
  void batchesOverAThousandEventsAreRefusedWithAReason() {
    String token = api.login(USER, PASSWORD);
    String batch = Api.batch(Api.events("kitty-team", 1001));

    Api.Answer answer = api.pushGzip(token, batch);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("detail").asText())
        .isEqualTo("A batch holds at most 1000 events (got 1001).");
    assertThat(server.state().events("kitty-team")).isEmpty();
    assertThat(contract.drain()).singleElement().asString().contains("maxItems");
  }

  @Test
  void batchWithoutTokenIs401() {
    assertThat(api.pushGzip("forged", Api.batch(List.of())).status()).isEqualTo(401);
    assertThat(contract.drain()).singleElement().asString().contains("minItems");
  }

  @Test
  void pullPagesThroughTheTeamLogWithACursor() {
    String token = api.login(USER, PASSWORD);
    String batch = Api.batch(Api.events("kitty-team", 5));
    api.pushGzip(token, batch);

    JsonNode first = api.get("/api/v1/events/?after=&limit=2", token).json();
    JsonNode last =
        api.get("/api/v1/events/?after=" + first.get("next_cursor").asText() + "&limit=10", token)
            .json();

    assertThat(first.get("events")).hasSize(2);
    assertThat(first.get("has_more").asBoolean()).isTrue();
    assertThat(last.get("events")).hasSize(3);
    assertThat(last.get("has_more").asBoolean()).isFalse();
    assertThat(last.get("next_cursor").asText()).isEqualTo("5");
  }

  @Test
  void pullLeavesOutTheCallersOwnEventsButMovesTheCursorPastThem() {
    String token = api.login(USER, PASSWORD);
    api.pushGzip(token, Api.batch(Api.events("kitty-team", 1)));
    server.use(Scenario.TEAMMATES);

    JsonNode page = api.get("/api/v1/events/?after=&exclude_node=0a1b2c3d4e5f", token).json();

    assertThat(page.get("events")).hasSize(3);
    assertThat(page.get("events").findValuesAsText("node_id")).containsOnly("a1b2c3d4e5f6");
    assertThat(page.get("next_cursor").asText()).isEqualTo("4");
  }

  @Test
  void teammatesScenarioServesTheFixtureEvents() {
    server.use(Scenario.TEAMMATES);
    String token = api.login(USER, PASSWORD);

    JsonNode page = api.get("/api/v1/events/?after=&limit=1000", token).json();

    assertThat(page.get("events")).hasSize(3);
    assertThat(page.get("events").get(0).get("node_id").asText()).isEqualTo("a1b2c3d4e5f6");
  }

  @Test
  void dashboardShowsWhatTheTeamPushed() {
    String token = api.login(USER, PASSWORD);
    api.pushGzip(token, Api.batch(Api.events("kitty-team", 1)));

    Api.Answer page = api.get("/a/kitty-team/dashboards/", null);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "<title>kitty-team · Spec Kitty dashboard</title>",
            "<span class=\"what\">changed the lane of WP01</span>",
            "data-feature=\"001-x\"");
  }

  @Test
  void unknownPathsAre404WithAJsonError() {
    Api.Answer answer = api.get("/nowhere", null);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().get("detail").asText()).isEqualTo("Not found.");
  }

  @Test
  void serverDownRefusesConnectionsUntilNormalAgain() {
    int port = server.port();
    server.use(Scenario.SERVER_DOWN);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> api.get("/api/v1/sync/health/", null))
        .hasCauseInstanceOf(java.net.ConnectException.class);

    server.use(Scenario.NORMAL);
    assertThat(server.port()).isEqualTo(port);
    assertThat(api.get("/api/v1/sync/health/", null).status()).isEqualTo(401);
  }

  @Test
  void addedStubAnswersBeforeTheStubFilesUntilRemoved() {
    server.addStub(
        """
        {"request": {"method": "GET", "url": "/api/v1/sync/health/"},
         "response": {"status": 403, "headers": {"Content-Type": "application/json"},
                      "jsonBody": {"detail": "Your team is suspended."}}}
        """);

    Api.Answer faulty = api.get("/api/v1/sync/health/", null);
    server.removeAddedStubs();
    Api.Answer normal = api.get("/api/v1/sync/health/", null);

    assertThat(faulty.status()).isEqualTo(403);
    assertThat(faulty.json().get("detail").asText()).isEqualTo("Your team is suspended.");
    assertThat(normal.status()).isEqualTo(401);
  }

  @Test
  void addedStubSurvivesARestartAndGoesOnReset() {
    server.addStub(
        """
        {"request": {"method": "GET", "url": "/api/v1/sync/health/"},
         "response": {"status": 403, "headers": {"Content-Type": "application/json"},
                      "jsonBody": {"detail": "Forbidden."}}}
        """);
    server.use(Scenario.SERVER_DOWN);
    server.use(Scenario.NORMAL);

    int afterRestart = api.get("/api/v1/sync/health/", null).status();
    server.reset();
    int afterReset = api.get("/api/v1/sync/health/", null).status();

    assertThat(afterRestart).isEqualTo(403);
    assertThat(afterReset).isEqualTo(401);
  }

  @Test
  void batchCanStoreEveryEventButAnswerForTheFirstOnly() {
    String token = api.login(USER, PASSWORD);
    server.addStub(
        """
        {"request": {"method": "POST", "url": "/api/v1/events/batch/"},
         "response": {"transformers": ["spec-kitty-batch"],
                      "transformerParameters": {"verdicts_for_first": 1}}}
        """);
    String batch = Api.batch(Api.events("kitty-team", 2));

    JsonNode answer = api.pushGzip(token, batch).json();

    assertThat(answer.findValuesAsText("event_id")).containsExactly(Api.ulid(1));
    assertThat(server.state().events("kitty-team")).hasSize(2);
  }
}
