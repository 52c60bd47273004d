package dev.speckitty.cli.auth;

import dev.speckitty.cli.config.ServerUrl;
import dev.speckitty.cli.core.CliException;
import dev.speckitty.cli.core.Failure;
import dev.speckitty.cli.http.ApiErrors;
import dev.speckitty.cli.http.HttpTransport;
import dev.speckitty.cli.http.ServerUnreachableException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * The client every authenticated request goes through: it adds the bearer token, refreshes an
 * expired (or rejected) access token first, and ends the session cleanly when the server refuses
 * the refresh token.
 */
public final class AuthenticatedClient {
  /** Refresh a little early so a token does not expire on the way to the server. */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

  private final HttpTransport http;
  private final AuthApi api;
  private final CredentialStore store;
  private final ServerUrl server;
  private final Clock clock;

  public AuthenticatedClient(
      HttpTransport http, CredentialStore store, ServerUrl server, Clock clock) {
    this.http = http;
    this.api = new AuthApi(http);
    this.store = store;
    this.server = server;
    this.clock = clock;
  }

  public ServerUrl server() {
    return server;
  }

  public HttpTransport transport() {
    return http;
  }

  /** The "not authenticated" error every authenticated command shows. */
  public static CliException notAuthenticated() {
    return Failure.NOT_AUTHENTICATED.with();
  }

  /**
   * The session for this server, or the "not authenticated" error; a session whose refresh token
   * has expired is ended here, without a round trip.
   */
  public Credentials session() {
    Credentials c = store.load().orElseThrow(AuthenticatedClient::notAuthenticated);
    if (c.usableFor(server, clock.instant())) {
      return c;
    }
    if (!c.server().equals(server)) {
      throw Failure.SESSION_FOR_OTHER_SERVER.with("server", server, "session_server", c.server());
    }
    endSession(c);
    throw sessionExpired();
  }

  /**
   * Sends the request built by {@code build} (given a {@code Bearer …} header value), refreshing
   * the access token before it expires and once more if the server answers 401.
   */
  public HttpResponse<byte[]> send(Function<String, HttpRequest> build)
      throws ServerUnreachableException {
    Credentials session = session();
    boolean refreshed = false;
    if (!session.accessValidAt(clock.instant().plus(EXPIRY_MARGIN))) {
      session = refresh(session);
      refreshed = true;
    }
    HttpResponse<byte[]> response = http.send(build.apply("Bearer " + session.accessToken()));
    if (response.statusCode() == 401 && !refreshed) {
      session = refresh(session);
      response = http.send(build.apply("Bearer " + session.accessToken()));
    }
    if (response.statusCode() == 401) {
      endSession(session);
      throw sessionExpired();
    }
    return response;
  }

  /**
   * A fresh access token for {@code stale}, under the credentials lock: when another spec-kitty
   * process refreshed meanwhile, its tokens are used (refresh tokens rotate, so using ours again
   * would be refused); the session is removed only when the server refuses the refresh token that
   * is on disk now.
   */
  private Credentials refresh(Credentials stale) throws ServerUnreachableException {
    return store.whileLocked(
        locked -> {
          Credentials current = locked.current().orElseThrow(AuthenticatedClient::notAuthenticated);
          if (!current.server().equals(server)) {
            throw Failure.SESSION_FOR_OTHER_SERVER.with(
                "server", server, "session_server", current.server());
          }
          if (!current.refreshToken().equals(stale.refreshToken())
              || !current.accessToken().equals(stale.accessToken())) {
            return current; // refreshed (or logged in again) by another command meanwhile
          }
          AuthApi.Result result = api.refresh(server, current.refreshToken());
          if (result instanceof AuthApi.Result.Issued issued) {
            Credentials renewed =
                Credentials.issued(
                    current.server(), current.username(), issued.tokens(), clock.instant());
            locked.save(renewed);
            return renewed;
          }
          if (result instanceof AuthApi.Result.Rejected) {
            locked.clear();
            throw sessionExpired();
          }
          if (result instanceof AuthApi.Result.Failed failed) {
            throw failed.error();
          }
          throw ApiErrors.invalidResponse(((AuthApi.Result.Garbled) result).status());
        });
  }

  /** Removes the session, unless another command has replaced it meanwhile. */
  private void endSession(Credentials ended) {
    store.whileLocked(
        locked -> {
          if (locked
              .current()
              .filter(c -> c.refreshToken().equals(ended.refreshToken()))
              .isPresent()) {
            locked.clear();
          }
          return null;
        });
  }

  private static CliException sessionExpired() {
    return Failure.SESSION_EXPIRED.with();
  }
}
