package dev.speckitty.cli.workflow;

import dev.speckitty.cli.core.BaseCommand;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spec-kitty plan}. */
@Command(
    name = "plan",
    header = "Write the feature's implementation plan from a template.",
    description = {
      "Creates plan.md beside spec.md. Its '## Work packages' list is what 'spec-kitty tasks'"
          + " turns into work packages: edit it first if you like.",
      "Records 1 event: FeaturePlanned."
    })
public final class PlanCommand extends BaseCommand {
  @Mixin FeatureOption feature;

  PlanCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  protected ExitCode execute() {
    Workflow.Planned planned = new Workflow(ctx).plan(feature.value());
    out().println("✅ Planned feature " + planned.feature().id());
    out()
        .println(
            "   Plan: kitty-specs/"
                + planned.feature().id()
                + "/plan.md ("
                + planned.workPackages()
                + " work packages)");
    return ExitCode.OK;
  }
}
