package dev.speckitty.cli.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The server's answer to {@code POST /api/v1/token/} and {@code /api/v1/token/refresh/}.
 *
 * @param access the access token
 * @param refresh the refresh token
 * @param accessExpiresIn access token lifetime in seconds (86400 on a standard server)
 * @param refreshExpiresIn refresh token lifetime in seconds (604800)
 * @param teamSlug the user's team
 */
public record TokenResponse(
    @JsonProperty("access") String access,
    @JsonProperty("refresh") String refresh,
    @JsonProperty("access_expires_in") long accessExpiresIn,
    @JsonProperty("refresh_expires_in") long refreshExpiresIn,
    @JsonProperty("team_slug") String teamSlug) {

  /** The longest token lifetime taken seriously: ten years (anything longer is a broken server). */
  static final long MAX_LIFETIME_SECONDS = 10L * 366 * 86_400;

  boolean complete() {
    return access != null
        && !access.isBlank()
        && refresh != null
        && !refresh.isBlank()
        && accessExpiresIn > 0
        && accessExpiresIn <= MAX_LIFETIME_SECONDS
        && refreshExpiresIn > 0
        && refreshExpiresIn <= MAX_LIFETIME_SECONDS;
  }

  @Override
  public String toString() {
    return "TokenResponse[team=" + teamSlug + ", tokens=<redacted>]";
  }
}
