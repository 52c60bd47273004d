package dev.speckitty.cli.http;

import dev.speckitty.cli.config.ServerUrl;
import dev.speckitty.cli.core.CliException;
import dev.speckitty.cli.core.Failure;

/**
 * The user-facing messages for a server that is unreachable or answers badly, shared by every
 * command that talks to it, so that the same failure reads the same everywhere.
 */
public final class ApiErrors {
  private ApiErrors() {}

  public static CliException unreachable(ServerUrl server) {
    return Failure.UNREACHABLE.with("server", server);
  }

  public static CliException unavailable(int status) {
    return Failure.UNAVAILABLE.with("status", status);
  }

  public static CliException invalidResponse(int status) {
    return Failure.INVALID_RESPONSE.with("status", status);
  }
}
