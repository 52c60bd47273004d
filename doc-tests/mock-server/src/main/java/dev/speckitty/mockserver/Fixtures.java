package dev.speckitty.mockserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's fixtures under {@code mock-server/fixtures/}: the users it knows (credentials live
 * here, never in the docs) and the teammates' events the {@code teammates} scenario serves.
 */
public final class Fixtures {
  /**
   * A user of the mock server.
   *
   * @param username login name
   * @param password login password
   * @param team the team the user belongs to
   */
  public record User(String username, String password, String team) {
    @Override
    public String toString() {
      return "User[" + username + ", team=" + team + ", password=<redacted>]";
    }
  }

  private Fixtures() {}

  static JsonNode read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/mock-server/fixtures/" + name)) {
      if (in == null) {
        throw new IOException("fixture mock-server/fixtures/" + name + " is missing");
      }
      return Responses.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The users from {@code users.json}; the first is the demo user. */
  public static List<User> users() {
    List<User> users = new ArrayList<>();
    for (JsonNode u : read("users.json").get("users")) {
      users.add(
          new User(u.get("username").asText(), u.get("password").asText(), u.get("team").asText()));
    }
    return users;
  }

  /** The demo user the sandbox prints and the doc-tests log in as. */
  public static User demoUser() {
    return users().get(0);
  }

  /** Events "pushed by teammates" that the {@code teammates} scenario serves on pull. */
  static List<JsonNode> teammateEvents() {
    List<JsonNode> events = new ArrayList<>();
    read("teammate-events.json").get("events").forEach(events::add);
    return events;
  }

  /** The user who "pushed" the teammates' events, as the dashboard's activity names them. */
  static String teammatePusher() {
    return read("teammate-events.json").get("pushed_by").asText();
  }
}
