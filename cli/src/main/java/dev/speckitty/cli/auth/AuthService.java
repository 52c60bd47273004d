package dev.speckitty.cli.auth;

import dev.speckitty.cli.config.ServerUrl;
import dev.speckitty.cli.core.Failure;
import dev.speckitty.cli.http.ApiErrors;
import dev.speckitty.cli.http.ServerUnreachableException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * Login as plain logic, without a terminal: obtains tokens, stores the session, and turns every
 * server answer into the message the tutorial documents.
 */
public final class AuthService {
  private final AuthApi api;
  private final CredentialStore store;
  private final Clock clock;

  public AuthService(AuthApi api, CredentialStore store, Clock clock) {
    this.api = api;
    this.store = store;
    this.clock = clock;
  }

  /** The stored session if it is for {@code server} and can still be refreshed. */
  public Optional<Credentials> activeSession(ServerUrl server) {
    return store.load().filter(c -> c.usableFor(server, clock.instant()));
  }

  /**
   * Exchanges username and password for tokens and stores them; on any failure nothing is written
   * and the exception carries the user-facing message. The password array is wiped.
   */
  public Credentials login(ServerUrl server, String username, char[] password) {
    try {
      AuthApi.Result result = api.obtain(server, username, password);
      if (result instanceof AuthApi.Result.Issued issued) {
        Credentials session =
            Credentials.issued(server, username, issued.tokens(), clock.instant());
        store.save(session);
        return session;
      }
      if (result instanceof AuthApi.Result.Rejected) {
        throw Failure.LOGIN_REFUSED.with();
      }
      if (result instanceof AuthApi.Result.Failed failed) {
        throw failed.error();
      }
      throw ApiErrors.invalidResponse(((AuthApi.Result.Garbled) result).status());
    } catch (ServerUnreachableException e) {
      throw ApiErrors.unreachable(server, e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
