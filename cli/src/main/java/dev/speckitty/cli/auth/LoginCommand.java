package dev.speckitty.cli.auth;

import dev.speckitty.cli.config.ConfigLoader;
import dev.speckitty.cli.config.ServerConfig;
import dev.speckitty.cli.core.BaseCommand;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.ExitCode;
import dev.speckitty.cli.core.Failure;
import dev.speckitty.cli.http.HttpTransport;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spec-kitty auth login}: prompts for credentials and stores the session. */
@Command(
    name = "login",
    header = "Log in to the configured server.",
    description = {
      "Prompts for your username and password (the password is shown as *). When standard input"
          + " is not a terminal, reads the username and the password as two lines from it.",
      "Prints 'Authenticating with <server>...' and, on success, who you are logged in as."
    })
final class LoginCommand extends BaseCommand {
  @Option(
      names = {"-u", "--username"},
      paramLabel = "<username>",
      description = "Log in as this user instead of prompting for the username.")
  String username;

  @Option(
      names = "--password-stdin",
      description = "Read only the password from standard input (for CI); needs --username.")
  boolean passwordStdin;

  @Option(
      names = {"-f", "--force"},
      description = "Log in again even when a session for this server exists.")
  boolean force;

  LoginCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  protected ExitCode execute() {
    ServerConfig config = new ConfigLoader(ctx, this::warn).requireServer();
    CredentialStore store = new CredentialStore(ctx.state());
    try (HttpTransport http = new HttpTransport(ctx.httpTimeout(), config.url().isHttps())) {
      return login(config, new AuthService(new AuthApi(http), store, ctx.clock()));
    }
  }

  private ExitCode login(ServerConfig config, AuthService auth) {
    if (!force) {
      Optional<Credentials> active = auth.activeSession(config.url());
      if (active.isPresent()) {
        out().println("✅ Already authenticated as " + active.get().username() + ".");
        out().println("   Use --force to log in again, or 'spec-kitty auth logout' first.");
        return ExitCode.OK;
      }
    }
    if (passwordStdin && username == null) {
      throw Failure.PASSWORD_STDIN_NEEDS_USERNAME.with();
    }
    String user;
    char[] password;
    try (Prompter prompter = passwordStdin ? new StreamPrompter(ctx.stdin()) : Prompter.open(ctx)) {
      user = username != null ? username.strip() : prompter.readLine("Username: ").strip();
      if (user.isEmpty()) {
        throw Failure.EMPTY_USERNAME.with();
      }
      password = prompter.readPassword("Password: ");
    }
    if (password.length == 0) {
      throw Failure.EMPTY_PASSWORD.with();
    }
    out().println("Authenticating with " + config.url() + "...");
    out().flush();
    Credentials session = auth.login(config.url(), user, password);
    out().println("✅ Login successful!");
    out().println("   Logged in as: " + session.username());
    return ExitCode.OK;
  }
}
