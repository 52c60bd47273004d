package dev.speckitty.cli;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock transformer that only the stubs naming it use: the test servers' stateful endpoints
 * (batch verdicts, rotating refresh, a gate) share this opt-in and their JSON answer.
 */
public interface NamedTransformer extends ResponseDefinitionTransformerV2 {

  @Override
  default boolean applyGlobally() {
    return false;
  }

  /**
   * The stub's own answer, but with {@code status} and {@code json} as an application/json body.
   */
  static ResponseDefinition jsonAnswer(ServeEvent serveEvent, int status, String json) {
    return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
        .but()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(json)
        .build();
  }
}
