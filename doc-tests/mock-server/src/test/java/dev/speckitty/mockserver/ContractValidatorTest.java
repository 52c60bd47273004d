package dev.speckitty.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract check can fail: requests the API does not define are reported. */
class ContractValidatorTest {
  @Test
  void requestsOutsideTheContractAreReported() {
    ContractValidator contract =
        new ContractValidator(
            Path.of(System.getProperty("docs.dir"), "reference/server-api.openapi.yaml"));
    try (MockTeamServer server = MockTeamServer.start(0, Optional.of(contract))) {
      Api api = new Api(server.baseUrl());

      api.postJson("/api/v1/token/", "{\"username\": \"reader@spec-kitty.test\"}");
      api.get("/api/v1/unknown/", null);
      api.get("/api/v1/events/?limit=5000", "x");
    }

    assertThat(contract.violations())
        .hasSize(3)
        .anySatisfy(v -> assertThat(v).contains("/api/v1/token/").contains("password"))
        .anySatisfy(v -> assertThat(v).contains("/api/v1/unknown/").contains("path"))
        .anySatisfy(v -> assertThat(v).contains("limit"));
  }
}
