package dev.speckitty.mockserver;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The named situations a doc step (or a sandbox user) can put the server in. Each but {@code
 * normal}, {@code server-down} and {@code teammates} is a set of stub files in {@code
 * mock-server/mappings/fault-*.json} bound to that WireMock scenario state.
 */
public enum Scenario {
  NORMAL("Everything works.", ""),
  WRONG_PASSWORD(
      "Every login is refused with 401, whatever the password.",
      "while the server refuses every password"),
  SERVER_DOWN(
      "Nothing listens on the server's port: connections are refused.", "while the server is down"),
  SERVER_ERROR(
      "Every API call fails with HTTP 500.", "while the server fails every call with HTTP 500"),
  BAD_GATEWAY(
      "A proxy answers HTTP 502 with an HTML page.",
      "while a proxy in front of the server answers HTTP 502"),
  SLOW(
      "Every API call answers after 12 s, past the CLI's 10 s timeout.",
      "while the server takes 12 s to answer"),
  CONNECTION_RESET(
      "The connection drops before any answer.", "while the server drops every connection"),
  SESSION_EXPIRED(
      "Access and refresh tokens are refused: the session is over.",
      "after the server has ended the session"),
  RATE_LIMITED(
      "The first push gets 429 with Retry-After: 1, then all is normal.",
      "while the server answers the first push with HTTP 429"),
  REJECTED_EVENT(
      "The first event of every pushed batch is rejected.",
      "while the server rejects the first event of every batch"),
  TEAMMATES(
      "Teammates have pushed three events that a pull brings down.",
      "after teammates have pushed three events");

  private final String description;
  private final String readerNote;

  Scenario(String description, String readerNote) {
    this.description = description;
    this.readerNote = readerNote;
  }

  /**
   * How a note beside a troubleshooting example tells readers about this state, completing
   * "Verified by running … ": e.g. {@code while the server is down}.
   */
  public String readerNote() {
    return readerNote;
  }

  /** The name used in docs and on the command line: {@code wrong-password}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String description() {
    return description;
  }

  /** The WireMock scenario state of the {@code faults} scenario this one needs. */
  String faultState() {
    return switch (this) {
      case NORMAL, SERVER_DOWN, SLOW, TEAMMATES ->
          com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
      default -> id();
    };
  }

  public static Optional<Scenario> byId(String id) {
    return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
  }
}
