package dev.speckitty.cli.workflow;

import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --feature} option shared by the commands that act on one feature. */
public final class FeatureOption {
  @Option(
      names = "--feature",
      paramLabel = "<feature>",
      description = "The feature to act on, e.g. 001-photo-gallery or 1 (default: the newest).")
  String feature;

  Optional<String> value() {
    return Optional.ofNullable(feature);
  }
}
