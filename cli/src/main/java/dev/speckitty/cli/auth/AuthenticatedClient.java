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
    store.clear();
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
      store.clear();
      throw sessionExpired();
    }
    return response;
  }

  private Credentials refresh(Credentials session) throws ServerUnreachableException {
    AuthApi.Result result = api.refresh(server, session.refreshToken());
    if (result instanceof AuthApi.Result.Issued issued) {
      Credentials renewed =
          Credentials.issued(
              session.server(), session.username(), issued.tokens(), clock.instant());
      store.save(renewed);
      return renewed;
    }
    if (result instanceof AuthApi.Result.Rejected) {
      store.clear();
      throw sessionExpired();
    }
    if (result instanceof AuthApi.Result.Failed failed) {
      throw ApiErrors.unavailable(failed.status());
    }
    throw ApiErrors.invalidResponse(((AuthApi.Result.Garbled) result).status());
  }

  private static CliException sessionExpired() {
    return Failure.SESSION_EXPIRED.with();
  }
}
