package dev.speckitty.cli.workflow;

import dev.speckitty.cli.core.BaseCommand;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.ExitCode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code spec-kitty move <WP>… --to <lane>}. */
@Command(
    name = "move",
    header = "Move work packages to another lane.",
    description = {
      "Lanes: planned → doing → for_review → done. From for_review a work package can also go"
          + " back to doing (changes requested) or planned; done is final.",
      "All moves are checked before any is made. Records 2 events per work package moved:"
          + " WPStatusChanged and HistoryAdded."
    })
public final class MoveCommand extends BaseCommand {
  @Parameters(
      paramLabel = "<WP>",
      arity = "1..*",
      description = "Work packages to move, e.g. WP01 WP02.")
  List<String> workPackages;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "<lane>",
      converter = LaneConverter.class,
      description = "Target lane: planned, doing, for_review or done.")
  Lane to;

  @Mixin FeatureOption feature;

  MoveCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  protected ExitCode execute() {
    Workflow.Moved moved = new Workflow(ctx).move(feature.value(), workPackages, to);
    out().println("✅ Moved " + String.join(", ", moved.ids()) + " to " + moved.to());
    return ExitCode.OK;
  }

  static final class LaneConverter implements ITypeConverter<Lane> {
    @Override
    public Lane convert(String value) {
      try {
        return Lane.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a lane (use planned, doing, for_review or done)");
      }
    }
  }
}
