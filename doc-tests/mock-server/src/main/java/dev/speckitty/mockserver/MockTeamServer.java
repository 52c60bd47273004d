package dev.speckitty.mockserver;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The mock team server: WireMock on 127.0.0.1 serving the stub files of {@code mock-server/}, with
 * the stateful extensions and the named {@link Scenario}s. One instance per document under test;
 * the sandbox runs one for readers.
 */
public final class MockTeamServer implements AutoCloseable {
  static final String FAULTS = "faults";

  /** How long every answer takes in the {@link Scenario#SLOW} scenario. */
  static final int SLOW_MILLIS = 12_000;

  private final TeamServerState state;
  private final List<Extension> extensions = new ArrayList<>();
  private final String team;
  private final BatchTransformer batches;
  private final List<StubMapping> added = new ArrayList<>();
  private WireMockServer server;
  private int port;
  private Scenario scenario = Scenario.NORMAL;

  private final Optional<java.nio.file.Path> files;

  private MockTeamServer(
      Clock clock, Optional<ContractValidator> contract, Optional<java.nio.file.Path> files) {
    this.files = files;
    this.state = new TeamServerState(Fixtures.users(), clock);
    this.team = Fixtures.demoUser().team();
    extensions.addAll(new SpecKittyExtensions(state).extensions());
    batches =
        extensions.stream()
            .filter(BatchTransformer.class::isInstance)
            .map(BatchTransformer.class::cast)
            .findFirst()
            .orElseThrow();
    contract.ifPresent(extensions::add);
  }

  /** Starts on a free port of 127.0.0.1. */
  public static MockTeamServer start() {
    return start(0, Optional.empty());
  }

  /**
   * Starts on {@code port} of 127.0.0.1 (0: a free one), checking traffic against {@code contract}
   * if given.
   */
  public static MockTeamServer start(int port, Optional<ContractValidator> contract) {
    return start(port, contract, Optional.empty());
  }

  /**
   * Starts on {@code port} of 127.0.0.1 (0: a free one) from {@code saved} (what {@link
   * TeamServerState#toJson()} wrote) or empty, checking traffic against {@code contract} if given.
   */
  public static MockTeamServer start(
      int port, Optional<ContractValidator> contract, Optional<JsonNode> saved) {
    return start(port, contract, saved, Optional.empty());
  }

  /**
   * Starts as {@link #start(int, Optional, Optional)} does, with the stub files of {@code files} (a
   * folder with {@code mappings/} and {@code __files/}) instead of the packaged ones — for tests
   * that change a stub.
   */
  public static MockTeamServer start(
      int port,
      Optional<ContractValidator> contract,
      Optional<JsonNode> saved,
      Optional<java.nio.file.Path> files) {
    MockTeamServer mock = new MockTeamServer(Clock.systemUTC(), contract, files);
    saved.ifPresent(mock.state::load);
    mock.launch(port);
    return mock;
  }

  private void launch(int wantedPort) {
    WireMockConfiguration config =
        wireMockConfig()
            .bindAddress("127.0.0.1")
            .port(wantedPort)
            .disableRequestJournal()
            // The dashboard's template: {{value}} is HTML-escaped (WireMock's default is not to).
            .withTemplateEscapingDisabled(false)
            .extensions(extensions.toArray(Extension[]::new));
    if (files.isPresent()) {
      config.usingFilesUnderDirectory(files.get().toString());
    } else {
      config.usingFilesUnderClasspath("mock-server");
    }
    if (wantedPort == 0) {
      config.dynamicPort();
    }
    config.enableBrowserProxying(false);
    // WireMock's admin API (/__admin) would let any command rewrite the server's answers while a
    // page runs (a starting state adding a stub, say): the team server has no such API, and this
    // one is driven from Java only (scenarios, states), never over HTTP.
    config.adminAuthenticator(request -> false);
    server = new WireMockServer(config);
    server.start();
    added.forEach(server::addStubMapping);
    port = server.port();
    server.setScenarioState(FAULTS, scenario.faultState());
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The demo team, whose dashboard is {@code /a/<team>/dashboards/}. */
  public String team() {
    return team;
  }

  public TeamServerState state() {
    return state;
  }

  public Scenario scenario() {
    return scenario;
  }

  /** Puts the server in {@code next}: stops listening for server-down, restarts after it. */
  public synchronized void use(Scenario next) {
    if (next == Scenario.SERVER_DOWN) {
      if (server.isRunning()) {
        server.stop();
      }
    } else if (!server.isRunning()) {
      launch(port);
    }
    if (next == Scenario.TEAMMATES) {
      state.seedTeammates(team);
    }
    scenario = next;
    if (server.isRunning()) {
      server.setScenarioState(FAULTS, next.faultState());
      // Slow: the same answers as ever, each after 12 s (past the CLI's default timeout).
      server.setGlobalFixedDelay(next == Scenario.SLOW ? SLOW_MILLIS : 0);
    }
  }

  /**
   * Stores every pushed batch at once but, after the first {@code batches}, answers only after
   * {@code millis}: lets a test kill a client between batches.
   */
  public void holdBatchAnswersAfter(int batches, int millis) {
    this.batches.holdAnswersAfter(batches, millis);
  }

  /**
   * Adds a stub mapping, written as WireMock's JSON (a {@code mappings/} file's content), for one
   * test: a fault that no named {@link Scenario} plays. It answers before the stub files (priority
   * 1 unless it sets its own; a later stub wins a tie) until {@link #removeAddedStubs()} or {@link
   * #reset()}. Named situations belong in {@code mappings/} instead, where readers can use them.
   *
   * @return the id of the added stub
   */
  public synchronized UUID addStub(String mappingJson) {
    StubMapping mapping = StubMapping.buildFrom(mappingJson);
    if (mapping.getPriority() == null) {
      mapping.setPriority(1);
    }
    added.add(mapping);
    if (server.isRunning()) {
      server.addStubMapping(mapping);
    }
    return mapping.getId();
  }

  /** Removes every stub {@link #addStub} added: the stub files answer again. */
  public synchronized void removeAddedStubs() {
    if (server.isRunning()) {
      added.forEach(server::removeStubMapping);
    }
    added.clear();
  }

  /** Back to a fresh server: no tokens, no events, no added stubs, scenario normal. */
  public synchronized void reset() {
    state.reset();
    removeAddedStubs();
    use(Scenario.NORMAL);
  }

  @Override
  public synchronized void close() {
    if (server.isRunning()) {
      server.stop();
    }
  }
}
