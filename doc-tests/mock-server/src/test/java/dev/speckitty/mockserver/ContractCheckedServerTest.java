package dev.speckitty.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh mock team server for each test, spoken to over raw HTTP; every exchange is checked
 * against the API contract, and a test that broke it fails at its end.
 */
abstract class ContractCheckedServerTest {
  protected MockTeamServer server;
  protected ContractValidator contract;
  protected Api api;

  @BeforeEach
  void start() {
    contract =
        new ContractValidator(
            Path.of(System.getProperty("docs.dir"), "reference/server-api.openapi.yaml"));
    server = MockTeamServer.start(0, Optional.of(contract));
    api = new Api(server.baseUrl());
  }

  @AfterEach
  void stopAndCheckTheContract() {
    server.close();
    assertThat(contract.violations()).isEmpty();
  }
}
