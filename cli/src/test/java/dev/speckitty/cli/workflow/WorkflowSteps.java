package dev.speckitty.cli.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.cli.InProcessCli;
import dev.speckitty.cli.InProcessCli.Result;
import dev.speckitty.cli.queue.EventEnvelope;
import dev.speckitty.cli.queue.EventQueue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workflow steps a test runs before the one it is about, and the events it reads back: one copy
 * for the workflow tests, which each kept their own.
 *
 * @param cli the CLI the steps run in
 */
record WorkflowSteps(InProcessCli cli) {

  /** Runs a step that must succeed; a failure shows the command and what it printed. */
  Result ok(String... args) {
    Result r = cli.run(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.all()).isZero();
    return r;
  }

  /** Every event in the queue, oldest first. */
  List<EventEnvelope> events() {
    try (EventQueue q = EventQueue.open(cli.state().queue())) {
      return q.all();
    }
  }

  /** {@code init photo-app}, then into its folder. */
  void project() {
    ok("init", "photo-app");
    cli.cd(Path.of("photo-app"));
  }

  /** A project with the feature 001-photo-gallery specified. */
  void feature() {
    project();
    ok("specify", "Photo gallery");
  }

  /** A project whose feature 001-photo-gallery is specified and planned. */
  void plannedFeature() {
    feature();
    ok("plan");
  }

  /** A project whose feature 001-photo-gallery has its five work packages, all planned. */
  void workPackages() {
    plannedFeature();
    ok("tasks");
  }

  /** {@code move <workPackages…> --to <lane>} for each of {@code lanes} in turn. */
  void move(List<String> workPackages, String... lanes) {
    for (String lane : lanes) {
      List<String> args = new ArrayList<>();
      args.add("move");
      args.addAll(workPackages);
      args.add("--to");
      args.add(lane);
      ok(args.toArray(String[]::new));
    }
  }

  /** All five work packages moved together through doing and for_review to done. */
  void allDone() {
    move(List.of("WP01", "WP02", "WP03", "WP04", "WP05"), "doing", "for_review", "done");
  }
}
