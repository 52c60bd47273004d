package dev.doctest.world;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A world whose first instance starts at once, in the background. A world's first start loads its
 * classes and data (for a mock server, about half a second); started ahead, that overlaps reading
 * the pages. The instance goes to the first page that starts, put in that page's saved state as
 * {@link WorldInstance#restore} promises; later pages start their own.
 */
public final class StartedAhead implements World, AutoCloseable {
  private final World world;
  private CompletableFuture<WorldInstance> ahead;

  /** Starts an instance of {@code world} on a free loopback port now. */
  public StartedAhead(World world) {
    this.world = world;
    this.ahead =
        CompletableFuture.supplyAsync(() -> world.start(Network.loopback(), Optional.empty()));
  }

  @Override
  public List<WorldState> states() {
    return world.states();
  }

  @Override
  public WorldInstance start(Network network, Optional<byte[]> saved) {
    CompletableFuture<WorldInstance> first = take();
    if (first == null || !network.equals(Network.loopback())) {
      discard(first);
      return world.start(network, saved);
    }
    WorldInstance instance;
    try {
      instance = first.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
    saved.ifPresent(instance::restore);
    return instance;
  }

  /** Stops the instance started ahead if no page took it. */
  @Override
  public void close() {
    discard(take());
  }

  private synchronized CompletableFuture<WorldInstance> take() {
    CompletableFuture<WorldInstance> first = ahead;
    ahead = null;
    return first;
  }

  private static void discard(CompletableFuture<WorldInstance> unused) {
    if (unused != null) {
      unused.thenAccept(WorldInstance::close);
    }
  }
}
