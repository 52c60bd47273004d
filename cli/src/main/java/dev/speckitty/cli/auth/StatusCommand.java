package dev.speckitty.cli.auth;

import dev.speckitty.cli.config.ConfigLoader;
import dev.speckitty.cli.config.ServerConfig;
import dev.speckitty.cli.config.ServerUrl;
import dev.speckitty.cli.core.BaseCommand;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.ExitCode;
import dev.speckitty.cli.core.Failure;
import dev.speckitty.cli.core.Json;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spec-kitty auth status}: who you are, on which server, and how long the tokens last. */
@Command(
    name = "status",
    header = "Show whether you are logged in, and for how long the tokens stay valid.",
    description = {
      "Remaining time is shown in the largest whole unit, rounded down (6d, 23h, 59m, 30s).",
      "An expired access token is refreshed automatically by the next command that needs it."
    })
final class StatusCommand extends BaseCommand {
  @Option(names = "--json", description = "Print the same facts as JSON (never the tokens).")
  boolean json;

  StatusCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  protected ExitCode execute() throws Exception {
    Optional<Credentials> session = new CredentialStore(ctx.state()).load();
    if (session.isEmpty()) {
      if (!json) {
        throw Failure.NOT_LOGGED_IN.with();
      }
      out().println("{\"authenticated\": false}");
      return ExitCode.FAILURE;
    }
    Optional<ServerUrl> configured =
        new ConfigLoader(ctx, this::warn).server().map(ServerConfig::url);
    AuthStatus status = new AuthStatus(session.get(), configured, ctx.clock().instant());
    if (json) {
      out().println(Json.mapper().writeValueAsString(status.json()));
    } else {
      print(status.lines());
    }
    return status.usable() ? ExitCode.OK : ExitCode.FAILURE;
  }
}
