package dev.speckitty.cli.workflow;

import dev.speckitty.cli.core.BaseCommand;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code spec-kitty init <name>}. */
@Command(
    name = "init",
    header = "Create a project folder.",
    description = {
      "Creates <name>/ with .kittify/project.json (the project's uuid and slug) and kitty-specs/.",
      "Records 1 event: ProjectCreated."
    })
public final class InitCommand extends BaseCommand {
  @Parameters(paramLabel = "<name>", description = "The project (and folder) name.")
  String name;

  InitCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  protected ExitCode execute() {
    Project project = new Workflow(ctx).init(name);
    out().println("✅ Created project " + project.slug() + " in ./" + name);
    out().println("   Next: cd " + name + " && spec-kitty specify \"<what you want to build>\"");
    return ExitCode.OK;
  }
}
