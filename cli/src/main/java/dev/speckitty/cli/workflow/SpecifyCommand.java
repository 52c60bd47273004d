package dev.speckitty.cli.workflow;

import dev.speckitty.cli.core.BaseCommand;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code spec-kitty specify "<title>"}. */
@Command(
    name = "specify",
    header = "Start a feature: write its spec from a template.",
    description = {
      "Creates kitty-specs/NNN-<slug>/spec.md, numbering features 001, 002, ...",
      "Records 1 event: FeatureCreated."
    })
public final class SpecifyCommand extends BaseCommand {
  @Parameters(paramLabel = "<title>", description = "What you want to build, in a few words.")
  String title;

  SpecifyCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  protected ExitCode execute() {
    Workflow workflow = new Workflow(ctx);
    Feature feature = workflow.specify(title);
    out().println("✅ Created feature " + feature.id());
    out().println("   Spec: kitty-specs/" + feature.id() + "/spec.md");
    return ExitCode.OK;
  }
}
