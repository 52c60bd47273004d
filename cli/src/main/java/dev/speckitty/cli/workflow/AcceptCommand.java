package dev.speckitty.cli.workflow;

import dev.speckitty.cli.core.BaseCommand;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spec-kitty accept}. */
@Command(
    name = "accept",
    header = "Accept a feature whose work packages are all done.",
    description = "Records 1 event: FeatureCompleted (none when the feature was already accepted).")
public final class AcceptCommand extends BaseCommand {
  @Mixin FeatureOption feature;

  AcceptCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  protected ExitCode execute() {
    Workflow.Accepted accepted = new Workflow(ctx).accept(feature.value());
    if (accepted.already()) {
      out().println("ℹ️  Feature " + accepted.feature().id() + " was already accepted.");
    } else {
      out()
          .println(
              "✅ Accepted feature "
                  + accepted.feature().id()
                  + " ("
                  + accepted.workPackages()
                  + " of "
                  + accepted.workPackages()
                  + " work packages done)");
    }
    return ExitCode.OK;
  }
}
