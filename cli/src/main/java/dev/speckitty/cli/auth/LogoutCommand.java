package dev.speckitty.cli.auth;

import dev.speckitty.cli.core.BaseCommand;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.ExitCode;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code spec-kitty auth logout}: forgets the stored tokens. */
@Command(
    name = "logout",
    header = "Log out: delete the stored tokens from this machine.",
    description = "Succeeds (exit 0) also when there is no session.")
final class LogoutCommand extends BaseCommand {
  LogoutCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  protected ExitCode execute() {
    Optional<Credentials> previous = new CredentialStore(ctx.state()).remove();
    if (previous.isPresent()) {
      out().println("✅ Logged out successfully.");
      out().println("   Cleared credentials for: " + previous.get().username());
    } else {
      out().println("ℹ️  No active session. Already logged out.");
    }
    return ExitCode.OK;
  }
}
