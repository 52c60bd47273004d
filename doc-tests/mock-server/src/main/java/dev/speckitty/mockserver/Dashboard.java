package dev.speckitty.mockserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard template ({@code __files/dashboard/index.html}) shows of a team, folded from
 * its event log: per project, each feature's board — one lane per column, a card per work package —
 * and the latest activity. Plain records: the template reads them by their accessors.
 *
 * @param team the team's slug
 * @param eventCount how many events the team's log holds
 * @param eventsWord "event" or "events", to go with the count
 * @param projects the projects, in the order their first event arrived
 * @param activity the latest changes, newest first
 */
record Dashboard(
    String team,
    int eventCount,
    String eventsWord,
    List<Dashboard.Project> projects,
    List<Activity> activity) {

  /** The lanes every board shows, in order, with their column titles. */
  static final Map<String, String> LANES =
      Map.of("planned", "Planned", "doing", "Doing", "for_review", "For review", "done", "Done");

  private static final List<String> LANE_ORDER = List.of("planned", "doing", "for_review", "done");

  /** A project and its features, by creation. */
  record Project(String slug, String uuid, List<Feature> features) {}

  /**
   * A feature's board.
   *
   * @param status specified, planned, in progress or accepted
   * @param statusId the status as a CSS-friendly word
   * @param percent {@code done} of {@code total} in percent, for the progress bar
   */
  record Feature(
      String id,
      String title,
      String status,
      String statusId,
      int done,
      int total,
      int percent,
      List<Lane> lanes) {}

  /** A column of a board: the cards in one lane. */
  record Lane(String id, String name, int count, List<Card> cards) {}

  /** A work package on a board. */
  record Card(String wp, String title, String lane) {}

  /** The dashboard of {@code team} whose log is {@code events}, oldest first. */
  static Dashboard of(String team, List<TeamServerState.StoredEvent> events) {
    Map<String, ProjectFold> projects = new LinkedHashMap<>();
    for (TeamServerState.StoredEvent stored : events) {
      JsonNode e = stored.event();
      JsonNode p = e.path("payload");
      ProjectFold project =
          projects.computeIfAbsent(
              e.path("project_uuid").asText(),
              uuid -> new ProjectFold(e.path("project_slug").asText(), uuid));
      String type = e.path("event_type").asText();
      if (!p.has("feature_id")) {
        continue; // ProjectCreated, or an event about no feature: the project is listed.
      }
      FeatureFold feature = project.feature(p.path("feature_id").asText());
      String wp = p.path("wp_id").asText();
      switch (type) {
        case "FeatureCreated" -> feature.title = p.path("title").asText(feature.id);
        case "FeaturePlanned" -> feature.planned = true;
        case "FeatureCompleted" -> feature.accepted = true;
        case "WPCreated" ->
            feature.cards.put(wp, new Card(wp, p.path("title").asText(), p.path("lane").asText()));
        case "WPStatusChanged" -> {
          if (p.hasNonNull("to_lane")) {
            Card old = feature.cards.get(wp);
            String title = old == null ? "" : old.title();
            feature.cards.put(wp, new Card(wp, title, p.path("to_lane").asText()));
          }
        }
        default -> {
          // HistoryAdded and events this server does not know change no board.
        }
      }
    }
    return new Dashboard(
        team,
        events.size(),
        events.size() == 1 ? "event" : "events",
        projects.values().stream().map(ProjectFold::project).toList(),
        Activity.latest(events));
  }

  private static final class ProjectFold {
    final String slug;
    final String uuid;
    final Map<String, FeatureFold> features = new LinkedHashMap<>();

    ProjectFold(String slug, String uuid) {
      this.slug = slug;
      this.uuid = uuid;
    }

    FeatureFold feature(String id) {
      return features.computeIfAbsent(id, FeatureFold::new);
    }

    Project project() {
      return new Project(slug, uuid, features.values().stream().map(FeatureFold::feature).toList());
    }
  }

  private static final class FeatureFold {
    final String id;
    String title;
    boolean planned;
    boolean accepted;
    final Map<String, Card> cards = new LinkedHashMap<>();

    FeatureFold(String id) {
      this.id = id;
      this.title = id;
    }

    Feature feature() {
      List<String> laneIds = new ArrayList<>(LANE_ORDER);
      cards.values().stream()
          .map(Card::lane)
          .filter(lane -> !laneIds.contains(lane))
          .distinct()
          .forEach(laneIds::add); // a lane this server does not know still gets a column
      List<Lane> lanes = new ArrayList<>();
      for (String lane : laneIds) {
        List<Card> inLane = cards.values().stream().filter(c -> c.lane().equals(lane)).toList();
        lanes.add(new Lane(lane, LANES.getOrDefault(lane, lane), inLane.size(), inLane));
      }
      int total = cards.size();
      int done = (int) cards.values().stream().filter(c -> c.lane().equals("done")).count();
      String status =
          accepted
              ? "accepted"
              : !cards.isEmpty() ? "in progress" : planned ? "planned" : "specified";
      return new Feature(
          id,
          title,
          status,
          status.replace(' ', '-'),
          done,
          total,
          total == 0 ? 0 : done * 100 / total,
          lanes);
    }
  }
}
