package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doctest.world.Network;
import dev.doctest.world.StartedAhead;
import dev.doctest.world.WorldInstance;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartedAheadTest {
  private static String visit(WorldInstance instance) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(instance.variables().get("server.url") + "/"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void theFirstPageGetsTheInstanceStartedAheadInItsSavedState() throws Exception {
    FakeWorld world = new FakeWorld();
    try (StartedAhead ahead = new StartedAhead(world)) {
      WorldInstance first =
          ahead.start(Network.loopback(), Optional.of("3".getBytes(StandardCharsets.UTF_8)));
      WorldInstance second = ahead.start(Network.loopback(), Optional.empty());

      assertThat(world.started).hasSize(2);
      assertThat(first).isSameAs(world.started.get(0));
      assertThat(visit(first)).isEqualTo("visit 4\n");
      assertThat(second).isSameAs(world.started.get(1));
      first.close();
      second.close();
    }
  }

  @Test
  void anInstanceNoPageTookIsStoppedOnClose() throws Exception {
    FakeWorld world = new FakeWorld();
    new StartedAhead(world).close();

    long until = System.nanoTime() + 5_000_000_000L;
    while (world.started.isEmpty() && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    WorldInstance unused = world.started.get(0);
    until = System.nanoTime() + 5_000_000_000L;
    while (reachable(unused) && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThatThrownBy(() -> visit(unused)).isInstanceOf(IOException.class);
  }

  private static boolean reachable(WorldInstance instance) {
    try {
      visit(instance);
      return true;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @Test
  void aPageOnAnotherNetworkGetsAnInstanceOfItsOwn() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    FakeWorld world = new FakeWorld();
    try (StartedAhead ahead = new StartedAhead(world)) {
      WorldInstance own = ahead.start(new Network("127.0.0.1", port), Optional.empty());

      assertThat(own.variables().get("server.url")).isEqualTo("http://127.0.0.1:" + port);
      own.close();
    }
  }
}
