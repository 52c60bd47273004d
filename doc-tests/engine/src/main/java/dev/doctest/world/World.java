package dev.doctest.world;

import java.util.List;
import java.util.Optional;

/**
 * Everything outside the workspace that a docs set's pages need, supplied by the product under test
 * (found with {@link java.util.ServiceLoader} by the command line, or passed in by a test). Each
 * page gets its own {@link WorldInstance}; a page that continues another starts from a copy of that
 * page's end state.
 */
public interface World {
  /**
   * The states a step may ask for with {@code scenario=<name>}; the first is the normal state that
   * every page starts in and every step goes back to.
   */
  List<WorldState> states();

  /**
   * Starts an instance for one page, listening where {@code network} says, from {@code saved} (what
   * {@link WorldInstance#save()} returned for the page it continues) or from scratch.
   */
  WorldInstance start(Network network, Optional<byte[]> saved);

  /** The state called {@code name}, if this world has it. */
  default Optional<WorldState> state(String name) {
    return states().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** A world with nothing in it, for docs whose commands need no server. */
  World NONE =
      new World() {
        @Override
        public List<WorldState> states() {
          return List.of(new WorldState("normal", "Nothing special.", ""));
        }

        @Override
        public WorldInstance start(Network network, Optional<byte[]> saved) {
          return WorldInstance.EMPTY;
        }
      };
}
