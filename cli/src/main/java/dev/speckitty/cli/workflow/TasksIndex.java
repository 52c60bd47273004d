package dev.speckitty.cli.workflow;

import java.io.IOException;
import java.util.List;

/** Writes {@code tasks.md}: the board of a feature, one row per work package and its lane. */
final class TasksIndex {
  private TasksIndex() {}

  static void write(Feature feature, List<WorkPackage> wps, FileChanges files) {
    StringBuilder md = new StringBuilder();
    md.append("# Tasks: ").append(feature.title()).append("\n\n");
    md.append("Feature ").append(feature.id()).append(". ");
    md.append("Move a work package with `spec-kitty move <WP> --to <lane>`.\n\n");
    md.append("| Work package | Title | Lane |\n|---|---|---|\n");
    for (WorkPackage wp : wps) {
      md.append("| [")
          .append(wp.id())
          .append("](tasks/")
          .append(wp.file().getFileName())
          .append(") | ")
          .append(wp.title())
          .append(" | ")
          .append(wp.lane())
          .append(" |\n");
    }
    try {
      files.write(feature.tasksIndex(), md.toString());
    } catch (IOException e) {
      throw Feature.ioFailure(feature.tasksIndex(), e);
    }
  }
}
