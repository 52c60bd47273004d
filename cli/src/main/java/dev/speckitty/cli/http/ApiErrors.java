package dev.speckitty.cli.http;

import dev.speckitty.cli.config.ServerUrl;
import dev.speckitty.cli.core.CliException;
import dev.speckitty.cli.core.ExitCode;

/**
 * The user-facing messages for a server that is unreachable or answers badly, shared by every
 * command that talks to it, so that the same failure reads the same everywhere.
 */
public final class ApiErrors {
  private ApiErrors() {}

  public static CliException unreachable(ServerUrl server) {
    return new CliException(
        ExitCode.FAILURE, "❌ Cannot reach server. Check your connection.", "   Server: " + server);
  }

  public static CliException unavailable(int status) {
    return new CliException(
        ExitCode.FAILURE,
        "❌ Server temporarily unavailable (HTTP " + status + ")",
        "   Please try again in a few minutes.");
  }

  public static CliException invalidResponse(int status) {
    return new CliException(ExitCode.FAILURE, "❌ Invalid server response (HTTP " + status + ")");
  }
}
