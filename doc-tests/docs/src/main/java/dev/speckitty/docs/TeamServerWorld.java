package dev.speckitty.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doctest.world.Network;
import dev.doctest.world.World;
import dev.doctest.world.WorldInstance;
import dev.doctest.world.WorldState;
import dev.speckitty.mockserver.ContractValidator;
import dev.speckitty.mockserver.Fixtures;
import dev.speckitty.mockserver.MockTeamServer;
import dev.speckitty.mockserver.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The world spec-kitty's pages run in: a mock team server per page (checked against the API
 * contract on every exchange), the demo user, and the server's named scenarios as the states a step
 * can ask for.
 */
public final class TeamServerWorld implements World {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Optional<Path> stubs;

  /** The world with the mock server's packaged stubs. */
  public TeamServerWorld() {
    this(Optional.empty());
  }

  /**
   * The world with the stub files of {@code stubs} (a folder with {@code mappings/} and {@code
   * __files/}) instead: for tests that change how the server answers.
   */
  public TeamServerWorld(Optional<Path> stubs) {
    this.stubs = stubs;
  }

  @Override
  public List<WorldState> states() {
    return Arrays.stream(Scenario.values())
        .map(s -> new WorldState(s.id(), s.description(), s.readerNote()))
        .toList();
  }

  @Override
  public WorldInstance start(Network network, Optional<byte[]> saved) {
    Optional<JsonNode> state = saved.map(TeamServerWorld::parse);
    ContractValidator contract = ContractValidator.packaged();
    MockTeamServer server =
        MockTeamServer.start(network.port(), Optional.of(contract), state, stubs);
    return new Instance(server, contract);
  }

  private static JsonNode parse(byte[] saved) {
    try {
      return JSON.readTree(saved);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One page's mock team server. */
  private static final class Instance implements WorldInstance {
    private final MockTeamServer server;
    private final ContractValidator contract;

    Instance(MockTeamServer server, ContractValidator contract) {
      this.server = server;
      this.contract = contract;
    }

    @Override
    public Map<String, String> variables() {
      Fixtures.User user = Fixtures.demoUser();
      return Map.of(
          "server.url", server.baseUrl(),
          "server.address", "127.0.0.1:" + server.port(),
          "user.name", user.username(),
          "user.password", user.password());
    }

    @Override
    public Network network() {
      return new Network("127.0.0.1", server.port());
    }

    @Override
    public void enter(String name) {
      server.use(
          Scenario.byId(name)
              .orElseThrow(() -> new IllegalArgumentException("no scenario " + name)));
    }

    @Override
    public byte[] save() {
      try {
        return JSON.writeValueAsBytes(server.state().toJson());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void restore(byte[] saved) {
      server.state().load(parse(saved));
      server.use(Scenario.NORMAL);
    }

    @Override
    public List<String> problems() {
      return contract.drain();
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
