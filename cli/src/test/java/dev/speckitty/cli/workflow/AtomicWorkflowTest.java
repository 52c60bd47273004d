package dev.speckitty.cli.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.cli.InProcessCli;
import dev.speckitty.cli.InProcessCli.Result;
import dev.speckitty.cli.queue.EventEnvelope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A workflow command changes its files and records its events as one unit: when the queue cannot
 * take the events, or a file cannot be written, nothing of the command stays behind.
 */
class AtomicWorkflowTest {
  @RegisterExtension InProcessCli cli = new InProcessCli();

  private final WorkflowSteps steps = new WorkflowSteps(cli);

  /** The queue refuses every new event, as a damaged or full queue.db does. */
  private void queueRefusesWrites(boolean refuse) throws Exception {
    steps.events(); // make sure the queue exists
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + cli.state().queue());
        Statement s = db.createStatement()) {
      s.executeUpdate(
          refuse
              ? "CREATE TRIGGER refuse BEFORE INSERT ON events BEGIN"
                  + " SELECT RAISE(ABORT, 'database disk image is malformed'); END"
              : "DROP TRIGGER refuse");
    }
  }

  private Path feature() {
    return cli.cwd().resolve("kitty-specs/001-photo-gallery");
  }

  private static List<String> tree(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .map(p -> dir.relativize(p) + (Files.isDirectory(p) ? "/" : ""))
          .sorted()
          .toList();
    }
  }

  @Test
  void initThatCannotRecordItsEventLeavesNoFolder() throws Exception {
    queueRefusesWrites(true);

    Result r = cli.run("init", "photo-app");

    assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
    assertThat(cli.cwd().resolve("photo-app")).doesNotExist();
  }

  @Test
  void specifyThatCannotRecordItsEventLeavesNoFeatureAndARerunCreatesIt() throws Exception {
    steps.project();
    queueRefusesWrites(true);

    Result failed = cli.run("specify", "Photo gallery");
    queueRefusesWrites(false);
    Result rerun = cli.run("specify", "Photo gallery");

    assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
    assertThat(rerun.out()).startsWith("✅ Created feature 001-photo-gallery\n");
    assertThat(tree(cli.cwd().resolve("kitty-specs")))
        .containsExactly(
            "/", "001-photo-gallery/", "001-photo-gallery/meta.json", "001-photo-gallery/spec.md");
    assertThat(steps.events())
        .extracting(EventEnvelope::eventType)
        .containsExactly("ProjectCreated", "FeatureCreated");
  }

  @Test
  void planThatCannotRecordItsEventWritesNoPlan() throws Exception {
    steps.feature();
    queueRefusesWrites(true);

    Result r = cli.run("plan");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(feature().resolve("plan.md")).doesNotExist();
  }

  @Test
  void tasksThatFailHalfwayLeaveNoWorkPackageAndNoEvent() throws Exception {
    steps.plannedFeature();
    // tasks.md, written after the work packages, cannot be written: a folder with a file in it.
    Files.createDirectories(feature().resolve("tasks.md"));
    Files.writeString(feature().resolve("tasks.md/keep"), "x");
    int before = steps.events().size();

    Result r = cli.run("tasks");

    assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
    assertThat(tree(feature().resolve("tasks"))).isEmpty();
    assertThat(steps.events()).hasSize(before);
  }

  @Test
  void moveThatCannotRecordItsEventsLeavesEveryFileAsItWas() throws Exception {
    steps.workPackages();
    Path wp01 = feature().resolve("tasks/WP01-foundation.md");
    String wpBefore = Files.readString(wp01);
    String indexBefore = Files.readString(feature().resolve("tasks.md"));
    queueRefusesWrites(true);

    Result r = cli.run("move", "WP01", "WP02", "--to", "doing");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(wp01).hasContent(wpBefore);
    assertThat(feature().resolve("tasks/WP02-data-model.md")).content().contains("lane: planned");
    assertThat(feature().resolve("tasks.md")).hasContent(indexBefore);
    assertThat(tree(feature().resolve("tasks")))
        .containsExactly(
            "/",
            "WP01-foundation.md",
            "WP02-data-model.md",
            "WP03-core-behaviour.md",
            "WP04-user-interface.md",
            "WP05-documentation.md");
  }

  @Test
  void acceptThatCannotRecordItsEventDoesNotAccept() throws Exception {
    steps.workPackages();
    steps.allDone();
    String metaBefore = Files.readString(feature().resolve("meta.json"));
    queueRefusesWrites(true);

    Result r = cli.run("accept");
    queueRefusesWrites(false);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(feature().resolve("meta.json")).hasContent(metaBefore);
    assertThat(steps.ok("accept").out()).startsWith("✅ Accepted feature 001-photo-gallery");
  }
}
