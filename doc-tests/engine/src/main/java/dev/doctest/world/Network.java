package dev.doctest.world;

/**
 * Where a page's world listens.
 *
 * @param bindAddress the loopback address to listen on
 * @param port the port (0: any free one)
 */
public record Network(String bindAddress, int port) {
  /** Any free port of 127.0.0.1. */
  public static Network loopback() {
    return new Network("127.0.0.1", 0);
  }
}
