package dev.speckitty.cli;

import dev.speckitty.cli.auth.AuthCommand;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.VersionProvider;
import dev.speckitty.cli.sync.SyncCommand;
import dev.speckitty.cli.workflow.AcceptCommand;
import dev.speckitty.cli.workflow.InitCommand;
import dev.speckitty.cli.workflow.MoveCommand;
import dev.speckitty.cli.workflow.PlanCommand;
import dev.speckitty.cli.workflow.SpecifyCommand;
import dev.speckitty.cli.workflow.TasksCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code spec-kitty} command: the root of the command tree and of {@code --help}. */
@Command(
    name = "spec-kitty",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Spec-driven development from the command line, synced with your team server.",
    description = {
      "Configure the server in ~/.spec-kitty/config.toml ([server] url = \"https://...\") or with"
          + " SPEC_KITTY_SERVER_URL, then run 'spec-kitty auth login'."
    })
public final class SpecKittyCommand implements Runnable {
  /**
   * The top-level commands, in {@code --help} order. Listed here rather than in {@code
   * subcommands=} so that a run builds only the command it needs (see {@link
   * Main#commandLine(CliContext, String...)}): picocli models cost start-up time.
   */
  public static final List<Class<?>> COMMANDS =
      List.of(
          InitCommand.class,
          SpecifyCommand.class,
          PlanCommand.class,
          TasksCommand.class,
          MoveCommand.class,
          AcceptCommand.class,
          AuthCommand.class,
          SyncCommand.class);

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command.");
  }
}
