package dev.speckitty.mockserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Events as the CLI records them (see docs/reference/cli-commands.md), for tests that push a
 * tutorial's story: each command's events share one timestamp, a second after the previous
 * command's.
 */
final class TutorialEvents {
  static final String PROJECT = "photo-app";
  static final String FEATURE = "001-photo-gallery";
  static final List<String> WPS = List.of("WP01", "WP02", "WP03", "WP04", "WP05");
  static final List<String> TITLES =
      List.of("Foundation", "Data model", "Core behaviour", "User interface", "Documentation");

  private final List<ObjectNode> events = new ArrayList<>();
  private Instant now = Instant.parse("2026-03-01T09:00:00Z");
  private final String project;
  private final String feature;
  private final int projectNumber;

  TutorialEvents(String project, String feature) {
    this.project = project;
    this.feature = feature;
    this.projectNumber = Math.floorMod(project.hashCode(), 1_000_000);
  }

  /**
   * The 48 events of "Getting started" and "Your first feature": init, specify, plan, tasks with
   * five work packages, the tutorial's 17 moves, accept.
   */
  static TutorialEvents yourFirstFeature() {
    TutorialEvents t = new TutorialEvents(PROJECT, FEATURE);
    t.init().specify("Photo gallery").plan(5).tasks(WPS, TITLES);
    t.move("WP01", "planned", "doing").move("WP01", "doing", "for_review");
    t.move("WP01", "for_review", "doing").move("WP01", "doing", "for_review");
    t.move("WP01", "for_review", "done");
    List<String> others = WPS.subList(1, 5);
    t.move(others, "planned", "doing").move(others, "doing", "for_review");
    t.move(others, "for_review", "done");
    return t.accept(5);
  }

  TutorialEvents init() {
    tick();
    add(
        "ProjectCreated",
        "Project",
        projectUuid(),
        payload().put("name", project).put("slug", project));
    return this;
  }

  TutorialEvents specify(String title) {
    tick();
    add(
        "FeatureCreated",
        "Feature",
        feature,
        payload().put("feature_id", feature).put("title", title));
    return this;
  }

  TutorialEvents plan(int workPackages) {
    tick();
    add(
        "FeaturePlanned",
        "Feature",
        feature,
        payload().put("feature_id", feature).put("work_packages", workPackages));
    return this;
  }

  TutorialEvents tasks(List<String> wps, List<String> titles) {
    tick();
    for (int i = 0; i < wps.size(); i++) {
      String wp = wps.get(i);
      add(
          "WPCreated",
          "WorkPackage",
          feature + "/" + wp,
          wp(wp).put("title", titles.get(i)).put("lane", "planned"));
      history(wp, "planned", "Created by spec-kitty tasks");
    }
    return this;
  }

  TutorialEvents move(String wp, String from, String to) {
    return move(List.of(wp), from, to);
  }

  TutorialEvents move(List<String> wps, String from, String to) {
    tick();
    for (String wp : wps) {
      add(
          "WPStatusChanged",
          "WorkPackage",
          feature + "/" + wp,
          wp(wp).put("from_lane", from).put("to_lane", to));
      history(wp, to, "Moved from " + from + " to " + to);
    }
    return this;
  }

  TutorialEvents accept(int workPackages) {
    tick();
    add(
        "FeatureCompleted",
        "Feature",
        feature,
        payload().put("feature_id", feature).put("work_packages", workPackages));
    return this;
  }

  /** The events as a batch body, {@code {"events": [...]}}. */
  String batch() {
    ObjectNode body = Responses.JSON.createObjectNode();
    body.putArray("events").addAll(events);
    return body.toString();
  }

  List<ObjectNode> events() {
    return events;
  }

  private String projectUuid() {
    return "3f1c9a52-0000-4000-8000-%012d".formatted(projectNumber);
  }

  private void history(String wp, String lane, String action) {
    add(
        "HistoryAdded",
        "WorkPackage",
        feature + "/" + wp,
        wp(wp).put("lane", lane).put("action", action));
  }

  private void tick() {
    now = now.plusSeconds(1);
  }

  private ObjectNode payload() {
    return Responses.JSON.createObjectNode();
  }

  private ObjectNode wp(String wp) {
    return payload().put("feature_id", feature).put("wp_id", wp);
  }

  private void add(String type, String aggregateType, String aggregate, ObjectNode payload) {
    int n = events.size() + 1;
    ObjectNode e = Responses.JSON.createObjectNode();
    e.put("event_id", "01JQ%06d%016d".formatted(projectNumber, n))
        .put("event_type", type)
        .put("aggregate_id", aggregate)
        .put("aggregate_type", aggregateType)
        .set("payload", payload);
    e.put("timestamp", now.toString())
        .put("node_id", "0a1b2c3d4e5f")
        .put("lamport_clock", n)
        .put("team_slug", "kitty-team")
        .put("project_uuid", projectUuid())
        .put("project_slug", project);
    events.add(e);
  }
}
