package dev.doctest;

import com.sun.net.httpserver.HttpServer;
import dev.doctest.world.Network;
import dev.doctest.world.World;
import dev.doctest.world.WorldInstance;
import dev.doctest.world.WorldState;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny world for the engine's own tests: an HTTP server that counts the visits it gets (its
 * state, carried to a page that continues another), a demo user, and a {@code down} state in which
 * nothing listens.
 */
public final class FakeWorld implements World {
  static final String USER = "reader@example.test";
  static final String PASSWORD = "s3cret42";

  /** Every instance started, for tests that check how many. */
  final List<Instance> started = new ArrayList<>();

  @Override
  public List<WorldState> states() {
    return List.of(
        new WorldState("normal", "The server answers.", ""),
        new WorldState("down", "Nothing listens.", "while the server is down"),
        new WorldState("broken", "The world itself fails: for the engine's internal errors.", ""));
  }

  @Override
  public synchronized WorldInstance start(Network network, Optional<byte[]> saved) {
    Instance i = new Instance(network);
    saved.ifPresent(i::restore);
    started.add(i);
    return i;
  }

  static final class Instance implements WorldInstance {
    private final Network network;
    private HttpServer server;
    private int port;
    private volatile int visits;

    Instance(Network network) {
      this.network = network;
      listen(network.port());
    }

    private void listen(int wanted) {
      try {
        server = HttpServer.create(new InetSocketAddress(network.bindAddress(), wanted), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext(
          "/board",
          exchange -> {
            byte[] body =
                ("<!DOCTYPE html><html><head><title>Board</title><style>"
                        + "body{font-family:sans-serif;margin:2rem}"
                        + ".card{border:1px solid #888;margin:.3rem;padding:.3rem;width:10rem}"
                        + "</style></head><body><h1>Fake board</h1><section id=\"done\">"
                        + "<div class=\"card\">WP01</div><div class=\"card\">WP02</div>"
                        + "</section></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.createContext(
          "/",
          exchange -> {
            visits++;
            byte[] body = ("visit " + visits + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
      port = server.getAddress().getPort();
    }

    @Override
    public Map<String, String> variables() {
      return Map.of(
          "server.url",
          "http://" + network.bindAddress() + ":" + port,
          "user.name",
          USER,
          "user.password",
          PASSWORD);
    }

    @Override
    public Network network() {
      return new Network(network.bindAddress(), port);
    }

    @Override
    public synchronized void enter(String name) {
      if (name.equals("broken")) {
        throw new IllegalStateException("the fake world broke on purpose");
      }
      if (name.equals("down") && server != null) {
        server.stop(0);
        server = null;
      } else if (name.equals("normal") && server == null) {
        listen(port);
      }
    }

    @Override
    public byte[] save() {
      return Integer.toString(visits).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void restore(byte[] saved) {
      visits = Integer.parseInt(new String(saved, StandardCharsets.UTF_8));
    }

    @Override
    public List<String> problems() {
      return List.of();
    }

    @Override
    public synchronized void close() {
      if (server != null) {
        server.stop(0);
      }
    }
  }
}
