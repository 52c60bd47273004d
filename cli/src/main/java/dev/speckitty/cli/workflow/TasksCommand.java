package dev.speckitty.cli.workflow;

import dev.speckitty.cli.core.BaseCommand;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spec-kitty tasks}. */
@Command(
    name = "tasks",
    header = "Create the work packages listed in the plan.",
    description = {
      "Writes tasks.md and tasks/WPnn-<slug>.md for each line under '## Work packages' in"
          + " plan.md; every work package starts in lane planned.",
      "Records 2 events per work package: WPCreated and HistoryAdded."
    })
public final class TasksCommand extends BaseCommand {
  @Mixin FeatureOption feature;

  TasksCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  protected ExitCode execute() {
    Workflow.Tasks tasks = new Workflow(ctx).tasks(feature.value());
    var ids = tasks.workPackages().stream().map(WorkPackage::id).toList();
    out()
        .println(
            "✅ Created "
                + ids.size()
                + (ids.size() == 1 ? " work package" : " work packages")
                + " in lane planned: "
                + String.join(", ", ids));
    out().println("   Tasks: kitty-specs/" + tasks.feature().id() + "/tasks.md");
    return ExitCode.OK;
  }
}
