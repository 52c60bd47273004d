package dev.speckitty.cli.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.cli.InProcessCli;
import dev.speckitty.cli.InProcessCli.Result;
import dev.speckitty.cli.queue.EventEnvelope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WorkflowTest {
  @RegisterExtension InProcessCli cli = new InProcessCli();

  private final WorkflowSteps steps = new WorkflowSteps(cli);

  @Test
  void initCreatesTheProjectAndRecordsProjectCreated() {
    Result r = steps.ok("init", "photo-app");

    assertThat(r.out())
        .isEqualTo(
            "✅ Created project photo-app in ./photo-app\n"
                + "   Next: cd photo-app && spec-kitty specify \"<what you want to build>\"\n");
    assertThat(cli.cwd().resolve("photo-app/.kittify/project.json")).exists();
    assertThat(steps.events())
        .extracting(EventEnvelope::eventType)
        .containsExactly("ProjectCreated");
  }

  @Test
  void eachCommandRecordsItsDocumentedNumberOfEvents() {
    steps.project();
    int[] counts = new int[8];
    String[][] commands = {
      {"specify", "Photo gallery"},
      {"plan"},
      {"tasks"},
      {"move", "WP01", "--to", "doing"},
      {"move", "WP02", "WP03", "--to", "doing"},
    };
    int before = steps.events().size();
    for (int i = 0; i < commands.length; i++) {
      steps.ok(commands[i]);
      int after = steps.events().size();
      counts[i] = after - before;
      before = after;
    }

    assertThat(counts).startsWith(1, 1, 10, 2, 4);
  }

  @Test
  void theTutorialFlowRecordsFortyEightEvents() {
    steps.workPackages();
    steps.move(List.of("WP01"), "doing", "for_review", "doing", "for_review", "done");
    steps.move(List.of("WP02", "WP03", "WP04", "WP05"), "doing", "for_review", "done");
    Result accepted = steps.ok("accept");

    assertThat(accepted.out())
        .isEqualTo("✅ Accepted feature 001-photo-gallery (5 of 5 work packages done)\n");
    assertThat(steps.events()).hasSize(48);
    assertThat(steps.events())
        .extracting(EventEnvelope::eventType)
        .containsOnly(
            "ProjectCreated",
            "FeatureCreated",
            "FeaturePlanned",
            "WPCreated",
            "HistoryAdded",
            "WPStatusChanged",
            "FeatureCompleted");
  }

  @Test
  void envelopesCarryIdentityClockAndTeam() {
    steps.feature();
    List<EventEnvelope> events = steps.events();

    EventEnvelope first = events.get(0);
    EventEnvelope second = events.get(1);
    assertThat(first.eventId()).matches("[0-9A-HJKMNP-TV-Z]{26}");
    assertThat(first.eventId()).isNotEqualTo(second.eventId());
    assertThat(first.lamportClock()).isEqualTo(1);
    assertThat(second.lamportClock()).isEqualTo(2);
    assertThat(first.nodeId()).isEqualTo(second.nodeId()).matches("[0-9a-f]{12}");
    assertThat(first.teamSlug()).isEqualTo("local");
    assertThat(first.projectSlug()).isEqualTo("photo-app");
    assertThat(first.projectUuid()).isEqualTo(second.projectUuid()).hasSize(36);
    assertThat(first.timestamp()).isEqualTo("2026-03-01T09:00:00Z");
    assertThat(second.aggregateType()).isEqualTo("Feature");
    assertThat(second.aggregateId()).isEqualTo("001-photo-gallery");
    assertThat(second.payload().get("title").asText()).isEqualTo("Photo gallery");
  }

  @Test
  void specifyWritesTheSpecAndNumbersFeatures() throws Exception {
    steps.feature();
    Result second = steps.ok("specify", "Search & filters!");

    assertThat(second.out())
        .isEqualTo(
            "✅ Created feature 002-search-filters\n"
                + "   Spec: kitty-specs/002-search-filters/spec.md\n");
    assertThat(Files.readString(cli.cwd().resolve("kitty-specs/001-photo-gallery/spec.md")))
        .startsWith("# Feature Specification: Photo gallery\n");
  }

  @Test
  void tasksFollowsTheWorkPackagesListedInThePlan() throws Exception {
    steps.plannedFeature();
    Path plan = cli.cwd().resolve("kitty-specs/001-photo-gallery/plan.md");
    String edited =
        Files.readString(plan).replaceAll("(?s)- WP01.*", "- WP01: Upload\n- Thumbnails\n");
    Files.writeString(plan, edited);

    Result r = steps.ok("tasks");

    assertThat(r.out())
        .isEqualTo(
            "✅ Created 2 work packages in lane planned: WP01, WP02\n"
                + "   Tasks: kitty-specs/001-photo-gallery/tasks.md\n");
    assertThat(cli.cwd().resolve("kitty-specs/001-photo-gallery/tasks/WP02-thumbnails.md"))
        .content()
        .contains("lane: planned");
  }

  @Test
  void commandsOutsideAProjectSayWhatToRunFirst() {
    for (String[] args :
        new String[][] {
          {"specify", "X"}, {"plan"}, {"tasks"}, {"move", "WP01", "--to", "doing"}, {"accept"}
        }) {
      Result r = cli.run(args);
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err())
          .isEqualTo(
              "❌ Not inside a spec-kitty project (no .kittify/ here or in any parent folder).\n"
                  + "   Run 'spec-kitty init <name>' first, then cd into the new folder.\n");
    }
  }

  @Test
  void stepsOutOfOrderNameTheStepToRunFirst() {
    steps.project();
    assertThat(cli.run("plan").err())
        .contains("Run 'spec-kitty specify \"<what you want to build>\"' first.");
    steps.ok("specify", "Photo gallery");
    assertThat(cli.run("tasks").err()).contains("Run 'spec-kitty plan' first.");
    steps.ok("plan");
    assertThat(cli.run("move", "WP01", "--to", "doing").err())
        .contains("Run 'spec-kitty tasks' first.");
    assertThat(cli.run("accept").err()).contains("Run 'spec-kitty tasks' first.");
  }

  @Test
  void illegalMovesChangeNothing() {
    steps.workPackages();
    int before = steps.events().size();

    Result skip = cli.run("move", "WP01", "WP02", "--to", "done");
    Result unknown = cli.run("move", "WP01", "WP09", "--to", "doing");
    Result badLane = cli.run("move", "WP01", "--to", "finished");

    assertThat(skip.exitCode()).isEqualTo(1);
    assertThat(skip.err())
        .isEqualTo(
            "❌ WP01 is in planned and cannot move to done (it can move to doing).\n"
                + "   Lanes: planned → doing → for_review → done.\n");
    assertThat(unknown.err())
        .isEqualTo(
            "❌ No work package WP09 in 001-photo-gallery (it has WP01, WP02, WP03, WP04, WP05).\n");
    assertThat(badLane.exitCode()).isEqualTo(2);
    assertThat(badLane.err()).contains("'finished' is not a lane");
    assertThat(steps.events()).hasSize(before);
    assertThat(cli.cwd().resolve("kitty-specs/001-photo-gallery/tasks/WP01-foundation.md"))
        .content()
        .contains("lane: planned");
  }

  @Test
  void acceptNeedsEveryWorkPackageDone() {
    steps.workPackages();
    steps.ok("move", "WP01", "--to", "doing");

    Result r = cli.run("accept");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("❌ Cannot accept 001-photo-gallery: WP01 is in doing, WP02 is in planned,")
        .endsWith("   Move every work package to done first.\n");
  }

  @Test
  void initRefusesANonEmptyFolder() throws Exception {
    Files.createDirectories(cli.cwd().resolve("photo-app"));
    Files.writeString(cli.cwd().resolve("photo-app/notes.txt"), "mine");

    Result r = cli.run("init", "photo-app");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("❌ The folder photo-app already exists and is not empty.\n");
    assertThat(cli.cwd().resolve("photo-app/.kittify")).doesNotExist();
  }

  @Test
  void aMetaFileThatIsNotAnObjectIsReportedNotACrash() throws Exception {
    steps.workPackages();
    steps.allDone();
    Files.writeString(cli.cwd().resolve("kitty-specs/001-photo-gallery/meta.json"), "[1, 2]\n");

    Result r = cli.run("accept");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            "❌ Cannot access "
                + cli.cwd().resolve("kitty-specs/001-photo-gallery/meta.json")
                + ": not a JSON object");
  }

  @Test
  void aFullDiskWhileWritingAFileSaysSoInPlainWords() {
    Path file = cli.cwd().resolve("spec.md");

    assertThat(Feature.ioFailure(file, new java.io.IOException("No space left on device")).lines())
        .containsExactly(
            "❌ The disk is full: cannot write " + file + ".",
            "   Free some space, then run the command again.");
  }
}
