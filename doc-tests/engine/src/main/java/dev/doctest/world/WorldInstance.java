package dev.doctest.world;

import java.util.List;
import java.util.Map;

/** One page's running world: its values, its current state, and what it saw go wrong. */
public interface WorldInstance extends AutoCloseable {
  /**
   * The values pages refer to as {@code ${name}} in {@code doctest.toml}, e.g. {@code server.url},
   * {@code user.name}, {@code user.password}.
   */
  Map<String, String> variables();

  /**
   * Where this instance listens. A state saved from it starts again there when it can, as its files
   * may say where the world is (a config file holding the server's URL). Port 0: nowhere in
   * particular.
   */
  default Network network() {
    return Network.loopback();
  }

  /** Puts the world in the state called {@code name} (one of {@link World#states()}). */
  void enter(String name);

  /** Everything this instance remembers (users, tokens, stored data), to start another from. */
  byte[] save();

  /** Goes back to what {@link #save()} returned, in the normal state. */
  void restore(byte[] saved);

  /**
   * Problems the world saw since the last call (e.g. requests that broke the API contract); each
   * fails the page it happened in.
   */
  List<String> problems();

  @Override
  void close();

  /** An instance with no values and nothing to remember. */
  WorldInstance EMPTY =
      new WorldInstance() {
        @Override
        public Map<String, String> variables() {
          return Map.of();
        }

        @Override
        public void enter(String name) {}

        @Override
        public byte[] save() {
          return new byte[0];
        }

        @Override
        public void restore(byte[] saved) {}

        @Override
        public List<String> problems() {
          return List.of();
        }

        @Override
        public void close() {}
      };
}
