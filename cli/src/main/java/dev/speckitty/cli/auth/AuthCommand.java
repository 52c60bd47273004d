package dev.speckitty.cli.auth;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code spec-kitty auth}: the group of login, status and logout. */
@Command(
    name = "auth",
    header = "Log in to the team server, check and end your session.",
    description = {
      "Tokens are kept in ~/.spec-kitty/credentials.json (mode 0600) and refreshed automatically;"
          + " they are never printed."
    },
    subcommands = {LoginCommand.class, StatusCommand.class, LogoutCommand.class})
public final class AuthCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: use login, status or logout.");
  }
}
