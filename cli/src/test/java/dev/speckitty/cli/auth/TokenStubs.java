package dev.speckitty.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;

/** Token endpoint stubs shared by the auth tests. */
final class TokenStubs {
  static final String USER = "your-email@example.com";
  static final String PASSWORD = "s3cret-pw";

  private TokenStubs() {}

  static String tokens(String access, String refresh) {
    return """
        {"access": "%s", "refresh": "%s", "access_expires_in": 86400,
         "refresh_expires_in": 604800, "team_slug": "kitty-team"}"""
        .formatted(access, refresh);
  }

  static MappingBuilder loginAccepts(String user, String password) {
    return post(urlEqualTo("/api/v1/token/"))
        .withRequestBody(
            equalToJson("{\"username\": \"%s\", \"password\": \"%s\"}".formatted(user, password)))
        .willReturn(
            aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(tokens("access-token-1", "refresh-token-1")));
  }

  static MappingBuilder loginAnswers(int status, String contentType, String body) {
    return post(urlEqualTo("/api/v1/token/"))
        .willReturn(
            aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body));
  }
}
