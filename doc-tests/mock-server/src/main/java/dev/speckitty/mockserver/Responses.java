package dev.speckitty.mockserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/** JSON answers in the server's shapes: bodies, and errors as {@code {"detail": "..."}}. */
final class Responses {
  static final ObjectMapper JSON = new ObjectMapper();

  private Responses() {}

  static ResponseDefinition json(int status, JsonNode body) {
    return new ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString())
        .build();
  }

  static ResponseDefinition error(int status, String detail) {
    return json(status, JSON.createObjectNode().put("detail", detail));
  }
}
