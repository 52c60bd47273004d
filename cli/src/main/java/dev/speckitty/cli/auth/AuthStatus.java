package dev.speckitty.cli.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.speckitty.cli.config.ServerUrl;
import dev.speckitty.cli.core.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code auth status} reports about a stored session at one instant, as lines for people and
 * as JSON for scripts — the same facts in both, and never a token.
 *
 * @param session the stored session
 * @param configured the server the config points at, when one is configured
 * @param now the instant the report is for
 */
public record AuthStatus(Credentials session, Optional<ServerUrl> configured, Instant now) {

  /** Whether the session belongs to a server other than the configured one. */
  public boolean serverMismatch() {
    return configured.isPresent() && !configured.get().equals(session.server());
  }

  /** Whether the session can be used (perhaps after a refresh) with the configured server. */
  public boolean usable() {
    return session.usableFor(configured.orElse(session.server()), now);
  }

  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    if (serverMismatch()) {
      lines.add("⚠️  Logged in to a different server than the one configured");
    } else if (!session.refreshValidAt(now)) {
      lines.add("❌ Session expired");
    } else {
      lines.add("✅ Authenticated");
    }
    lines.add("   Username: " + session.username());
    lines.add("   Server:   " + session.server());
    if (serverMismatch()) {
      lines.add("   Config:   " + configured.get());
    }
    lines.add(
        "   Access token: "
            + tokenState(
                session.accessValidAt(now),
                session.accessExpiresAt(),
                "expired (will refresh automatically)"));
    lines.add(
        "   Refresh token: "
            + tokenState(
                session.refreshValidAt(now),
                session.refreshExpiresAt(),
                "expired (re-login required)"));
    if (!usable()) {
      lines.add("   Run 'spec-kitty auth login' to authenticate with the configured server.");
    }
    return lines;
  }

  /** "valid (… remaining)" for a token still valid now, else {@code whenExpired}. */
  private String tokenState(boolean valid, Instant expiresAt, String whenExpired) {
    return valid
        ? "valid (" + Remaining.format(Duration.between(now, expiresAt)) + " remaining)"
        : whenExpired;
  }

  public ObjectNode json() {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("authenticated", usable());
    n.put("username", session.username());
    n.put("team", session.teamSlug());
    n.put("server", session.server().value());
    configured.ifPresent(c -> n.put("configured_server", c.value()));
    n.put("server_matches_config", !serverMismatch());
    token(n.putObject("access_token"), session.accessExpiresAt());
    token(n.putObject("refresh_token"), session.refreshExpiresAt());
    return n;
  }

  private void token(ObjectNode n, Instant expiresAt) {
    n.put("valid", now.isBefore(expiresAt));
    n.put("expires_at", expiresAt.toString());
    n.put("remaining_seconds", Math.max(0, Duration.between(now, expiresAt).getSeconds()));
  }
}
