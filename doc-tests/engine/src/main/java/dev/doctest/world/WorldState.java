package dev.doctest.world;

/**
 * A named situation a step can put the world in, and how the site tells readers about it.
 *
 * @param name what pages write: {@code scenario=server-down}
 * @param description one line for writers and {@code --help}: what the world does in this state
 * @param readerNote how a "how this was verified" note says it, completing "Verified by running
 *     {@code cmd} …": e.g. {@code while the server is down}; empty for the normal state
 */
public record WorldState(String name, String description, String readerNote) {}
