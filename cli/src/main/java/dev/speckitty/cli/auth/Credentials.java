package dev.speckitty.cli.auth;

import dev.speckitty.cli.config.ServerUrl;
import java.time.Instant;

/**
 * A login session with one server: the tokens and when they expire. {@link #toString()} never shows
 * a token, so a session cannot leak into a log or an error message by accident.
 *
 * @param server the server URL the tokens belong to
 * @param username the user as typed at login
 * @param teamSlug the team the server put the user in
 * @param accessToken bearer token for API calls
 * @param accessExpiresAt when the access token stops working
 * @param refreshToken token that obtains a new access token
 * @param refreshExpiresAt when the refresh token stops working (then login is required)
 */
public record Credentials(
    ServerUrl server,
    String username,
    String teamSlug,
    String accessToken,
    Instant accessExpiresAt,
    String refreshToken,
    Instant refreshExpiresAt) {

  /**
   * Whether this session can serve requests to {@code target} at {@code now}: it belongs to that
   * server and its refresh token has not expired (an expired access token is refreshed on use). The
   * one answer to "am I logged in?" for every command.
   */
  public boolean usableFor(ServerUrl target, Instant now) {
    return server.equals(target) && refreshValidAt(now);
  }

  /** Whether the access token is still valid at {@code now}. */
  public boolean accessValidAt(Instant now) {
    return now.isBefore(accessExpiresAt);
  }

  /** Whether the refresh token is still valid at {@code now}. */
  public boolean refreshValidAt(Instant now) {
    return now.isBefore(refreshExpiresAt);
  }

  /** The same session with new tokens from a login or refresh answer issued at {@code now}. */
  static Credentials issued(ServerUrl server, String username, TokenResponse tokens, Instant now) {
    return new Credentials(
        server,
        username,
        tokens.teamSlug(),
        tokens.access(),
        now.plusSeconds(tokens.accessExpiresIn()),
        tokens.refresh(),
        now.plusSeconds(tokens.refreshExpiresIn()));
  }

  @Override
  public String toString() {
    return "Credentials[server="
        + server
        + ", username="
        + username
        + ", team="
        + teamSlug
        + ", access=<redacted> until "
        + accessExpiresAt
        + ", refresh=<redacted> until "
        + refreshExpiresAt
        + "]";
  }
}
