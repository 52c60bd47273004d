package dev.doctest.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartedAheadTest {
  /** A world that records its instances and what each was given. */
  static final class Recording implements World {
    final List<Recorded> started = new ArrayList<>();

    @Override
    public List<WorldState> states() {
      return List.of(new WorldState("normal", "Fine.", ""));
    }

    @Override
    public synchronized WorldInstance start(Network network, Optional<byte[]> saved) {
      Recorded r = new Recorded(network);
      saved.ifPresent(r::restore);
      started.add(r);
      return r;
    }
  }

  static final class Recorded implements WorldInstance {
    final Network network;
    volatile String state = "";

    Recorded(Network network) {
      this.network = network;
    }

    volatile boolean closed;

    @Override
    public Map<String, String> variables() {
      return Map.of();
    }

    @Override
    public void enter(String name) {}

    @Override
    public byte[] save() {
      return state.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void restore(byte[] saved) {
      state = new String(saved, StandardCharsets.UTF_8);
    }

    @Override
    public List<String> problems() {
      return List.of();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void theFirstPageGetsTheInstanceStartedAheadInItsSavedState() {
    Recording world = new Recording();
    try (StartedAhead ahead = new StartedAhead(world)) {
      WorldInstance first =
          ahead.start(Network.loopback(), Optional.of("3 users".getBytes(StandardCharsets.UTF_8)));
      WorldInstance second = ahead.start(Network.loopback(), Optional.empty());

      assertThat(world.started).hasSize(2);
      assertThat(first).isSameAs(world.started.get(0));
      assertThat(new String(first.save(), StandardCharsets.UTF_8)).isEqualTo("3 users");
      assertThat(second).isSameAs(world.started.get(1));
    }
  }

  @Test
  void anInstanceNoPageTookIsStoppedOnClose() throws Exception {
    Recording world = new Recording();
    new StartedAhead(world).close();

    long until = System.nanoTime() + 5_000_000_000L;
    while ((world.started.isEmpty() || !world.started.get(0).closed) && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(world.started).hasSize(1);
    assertThat(world.started.get(0).closed).isTrue();
  }

  @Test
  void aPageOnAnotherNetworkGetsAnInstanceOfItsOwn() {
    Recording world = new Recording();
    try (StartedAhead ahead = new StartedAhead(world)) {
      Network own = new Network("127.0.0.1", 45678);

      WorldInstance instance = ahead.start(own, Optional.empty());

      assertThat(((Recorded) instance).network).isEqualTo(own);
    }
  }
}
