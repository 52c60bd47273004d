package dev.speckitty.cli.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.ExclusiveLock;
import dev.speckitty.cli.core.Failure;
import dev.speckitty.cli.core.Json;
import dev.speckitty.cli.queue.NewEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The lifecycle commands as plain logic: each step writes its files, then records a fixed number of
 * events (documented in the CLI reference), so a tutorial can state exact counts. Files and events
 * go together: when the events cannot be recorded, the step's file changes are taken back.
 */
public final class Workflow {
  private final CliContext ctx;
  private final EventRecorder recorder;

  public Workflow(CliContext ctx) {
    this.ctx = ctx;
    this.recorder = new EventRecorder(ctx);
  }

  private Instant now() {
    return ctx.clock().instant();
  }

  private static ObjectNode payload() {
    return Json.mapper().createObjectNode();
  }

  /** How long a command waits for another one changing the same project. */
  static final Duration PROJECT_WAIT = Duration.ofSeconds(30);

  /**
   * Runs {@code step} holding the project's lock ({@code .kittify/lock}), so that two commands on
   * one project run one after the other, and the second sees what the first did.
   */
  @SuppressWarnings("try") // the lock is held by being open, not by being used
  private <T> T locked(Project project, Supplier<T> step) {
    Optional<ExclusiveLock> lock;
    try {
      lock = ExclusiveLock.tryAcquire(project.lockFile(), PROJECT_WAIT);
    } catch (IOException e) {
      throw Feature.ioFailure(project.lockFile(), e);
    }
    if (lock.isEmpty()) {
      throw Failure.PROJECT_BUSY.with("project", project.root());
    }
    try (ExclusiveLock held = lock.get()) {
      return step.get();
    } catch (IOException e) {
      throw Feature.ioFailure(project.lockFile(), e);
    }
  }

  /** Runs {@code step} on the project around the working directory, holding its lock. */
  private <T> T inProject(Function<Project, T> step) {
    Project project = Project.find(ctx.cwd());
    return locked(project, () -> step.apply(project));
  }

  /**
   * Runs {@code step} on the feature {@code featureId} names (the newest one when empty), holding
   * the project's lock from before the feature is read.
   */
  private <T> T onFeature(Optional<String> featureId, BiFunction<Project, Feature, T> step) {
    return inProject(project -> step.apply(project, Feature.select(project, featureId)));
  }

  /** Runs one step; if it fails anywhere — a file, the queue — its file changes are undone. */
  private static <T> T atomically(Function<FileChanges, T> step) {
    FileChanges files = new FileChanges();
    try {
      return step.apply(files);
    } catch (RuntimeException e) {
      files.undo();
      throw e;
    }
  }

  /** {@code init <name>}: one {@code ProjectCreated} event. */
  public Project init(String name) {
    return atomically(
        files -> {
          Instant now = now();
          Project project = Project.create(ctx.cwd(), name, now, files);
          ObjectNode p = payload().put("name", name).put("slug", project.slug());
          recorder.record(
              project, List.of(new NewEvent("ProjectCreated", "Project", project.uuid(), p)), now);
          return project;
        });
  }

  /** {@code specify "<title>"}: one {@code FeatureCreated} event. */
  public Feature specify(String title) {
    return inProject(project -> specify(project, title));
  }

  private Feature specify(Project project, String title) {
    return atomically(
        files -> {
          Instant now = now();
          Feature feature = Feature.create(project, title.strip(), now, files);
          write(
              files,
              feature.spec(),
              Templates.render(
                  "spec.md",
                  Map.of(
                      "title", feature.title(),
                      "feature_id", feature.id(),
                      "date", now.atZone(ZoneOffset.UTC).toLocalDate().toString())));
          ObjectNode p = payload().put("feature_id", feature.id()).put("title", feature.title());
          recorder.record(
              project, List.of(new NewEvent("FeatureCreated", "Feature", feature.id(), p)), now);
          return feature;
        });
  }

  /** What {@code plan} did. */
  public record Planned(Project project, Feature feature, int workPackages) {}

  /** {@code plan}: writes plan.md; one {@code FeaturePlanned} event. */
  public Planned plan(Optional<String> featureId) {
    return onFeature(featureId, this::plan);
  }

  private Planned plan(Project project, Feature feature) {
    if (Files.exists(feature.plan())) {
      throw Failure.PLAN_EXISTS.with("plan", feature.relative(project, feature.plan()));
    }
    String plan =
        Templates.render("plan.md", Map.of("title", feature.title(), "feature_id", feature.id()));
    int count = PlannedWorkPackages.parse(plan).size();
    return atomically(
        files -> {
          Instant now = now();
          write(files, feature.plan(), plan);
          ObjectNode p = payload().put("feature_id", feature.id()).put("work_packages", count);
          recorder.record(
              project, List.of(new NewEvent("FeaturePlanned", "Feature", feature.id(), p)), now);
          return new Planned(project, feature, count);
        });
  }

  /** What {@code tasks} created. */
  public record Tasks(Project project, Feature feature, List<WorkPackage> workPackages) {}

  /**
   * {@code tasks}: a file per planned work package; {@code WPCreated} + {@code HistoryAdded} each.
   */
  public Tasks tasks(Optional<String> featureId) {
    return onFeature(featureId, this::tasks);
  }

  private Tasks tasks(Project project, Feature feature) {
    if (!Files.exists(feature.plan())) {
      throw Failure.NO_PLAN_YET.with("feature", feature.id());
    }
    if (!feature.workPackages().isEmpty()) {
      throw Failure.TASKS_EXIST.with("feature", feature.id());
    }
    List<PlannedWorkPackages.Item> planned = PlannedWorkPackages.parse(read(feature.plan()));
    if (planned.isEmpty()) {
      throw Failure.PLAN_WITHOUT_WORK_PACKAGES.with(
          "plan", feature.relative(project, feature.plan()));
    }
    return atomically(files -> createTasks(project, feature, planned, files));
  }

  private Tasks createTasks(
      Project project, Feature feature, List<PlannedWorkPackages.Item> planned, FileChanges files) {
    Instant now = now();
    List<WorkPackage> created = new ArrayList<>();
    List<NewEvent> events = new ArrayList<>();
    for (PlannedWorkPackages.Item item : planned) {
      WorkPackage wp = WorkPackage.create(feature, item.id(), item.title(), now, files);
      created.add(wp);
      events.add(
          workPackageEvent(
              "WPCreated",
              feature,
              wp,
              p -> p.put("title", wp.title()).put("lane", wp.lane().id())));
      events.add(history(feature, wp, Lane.PLANNED, "Created by spec-kitty tasks"));
    }
    TasksIndex.write(feature, created, files);
    recorder.record(project, events, now);
    return new Tasks(project, feature, created);
  }

  /** What {@code move} did. */
  public record Moved(Feature feature, List<String> ids, Lane to) {}

  /**
   * {@code move <WP>… --to <lane>}: checks every move first, then applies them all; {@code
   * WPStatusChanged} + {@code HistoryAdded} per work package.
   */
  public Moved move(Optional<String> featureId, List<String> ids, Lane to) {
    return onFeature(featureId, (project, feature) -> move(project, feature, ids, to));
  }

  private Moved move(Project project, Feature feature, List<String> ids, Lane to) {
    List<WorkPackage> all = feature.workPackages();
    if (all.isEmpty()) {
      throw Failure.NO_WORK_PACKAGES_YET.with("feature", feature.id());
    }
    Map<String, WorkPackage> byId = new LinkedHashMap<>();
    all.forEach(wp -> byId.put(wp.id(), wp));
    List<WorkPackage> selected = new ArrayList<>();
    for (String raw : ids) {
      String id = raw.toUpperCase(java.util.Locale.ROOT);
      WorkPackage wp = byId.get(id);
      if (wp == null) {
        throw Failure.NO_SUCH_WORK_PACKAGE.with(
            "wp", raw, "feature", feature.id(), "wps", String.join(", ", byId.keySet()));
      }
      if (selected.contains(wp)) {
        continue;
      }
      if (!wp.lane().next().contains(to)) {
        throw wp.lane().next().isEmpty()
            ? Failure.MOVE_FROM_DONE.with("wp", wp.id(), "lane", wp.lane(), "to", to)
            : Failure.MOVE_NOT_ALLOWED.with(
                "wp", wp.id(), "lane", wp.lane(), "to", to, "allowed", allowed(wp.lane()));
      }
      selected.add(wp);
    }
    return atomically(files -> applyMoves(project, feature, selected, to, files));
  }

  private Moved applyMoves(
      Project project, Feature feature, List<WorkPackage> selected, Lane to, FileChanges files) {
    Instant now = now();
    List<NewEvent> events = new ArrayList<>();
    for (WorkPackage wp : selected) {
      String action = "Moved from " + wp.lane() + " to " + to;
      wp.moveTo(to, now, action, files);
      events.add(
          workPackageEvent(
              "WPStatusChanged",
              feature,
              wp,
              p -> p.put("from_lane", wp.lane().id()).put("to_lane", to.id())));
      events.add(history(feature, wp, to, action));
    }
    TasksIndex.write(feature, feature.workPackages(), files);
    recorder.record(project, events, now);
    return new Moved(feature, selected.stream().map(WorkPackage::id).toList(), to);
  }

  private static String allowed(Lane lane) {
    return String.join(" or ", lane.next().stream().map(Lane::id).toList());
  }

  /** What {@code accept} did. */
  public record Accepted(Feature feature, int workPackages, boolean already) {}

  /** {@code accept}: once every work package is done; one {@code FeatureCompleted} event. */
  public Accepted accept(Optional<String> featureId) {
    return onFeature(featureId, this::accept);
  }

  private Accepted accept(Project project, Feature feature) {
    List<WorkPackage> wps = feature.workPackages();
    if (feature.acceptedAt().isPresent()) {
      return new Accepted(feature, wps.size(), true);
    }
    if (wps.isEmpty()) {
      throw Failure.NO_WORK_PACKAGES_YET.with("feature", feature.id());
    }
    List<String> open =
        wps.stream()
            .filter(wp -> wp.lane() != Lane.DONE)
            .map(wp -> wp.id() + " is in " + wp.lane())
            .toList();
    if (!open.isEmpty()) {
      throw Failure.CANNOT_ACCEPT.with("feature", feature.id(), "open", String.join(", ", open));
    }
    return atomically(
        files -> {
          Instant now = now();
          feature.setMeta("accepted_at", now.toString(), files);
          ObjectNode p = payload().put("feature_id", feature.id()).put("work_packages", wps.size());
          recorder.record(
              project, List.of(new NewEvent("FeatureCompleted", "Feature", feature.id(), p)), now);
          return new Accepted(feature, wps.size(), false);
        });
  }

  private static NewEvent history(Feature feature, WorkPackage wp, Lane lane, String action) {
    return workPackageEvent(
        "HistoryAdded", feature, wp, p -> p.put("lane", lane.id()).put("action", action));
  }

  /**
   * An event on {@code wp} (aggregate {@code <feature>/<wp>}) whose payload starts with the feature
   * and work package ids, then has what {@code rest} adds.
   */
  private static NewEvent workPackageEvent(
      String type, Feature feature, WorkPackage wp, UnaryOperator<ObjectNode> rest) {
    return new NewEvent(
        type,
        "WorkPackage",
        feature.id() + "/" + wp.id(),
        rest.apply(payload().put("feature_id", feature.id()).put("wp_id", wp.id())));
  }

  private static void write(FileChanges files, java.nio.file.Path file, String text) {
    try {
      files.write(file, text);
    } catch (IOException e) {
      throw Feature.ioFailure(file, e);
    }
  }

  private static String read(java.nio.file.Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw Feature.ioFailure(file, e);
    }
  }
}
