package dev.speckitty.mockserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.jknack.handlebars.EscapingStrategy;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /a/<team>/dashboards/}: a small read-only page of what the team has pushed — projects,
 * features, work packages by lane, recent events — so the tutorial's "open your dashboard" tip
 * works against the sandbox.
 */
final class DashboardTransformer extends StubTransformer {
  static final String NAME = "spec-kitty-dashboard";
  private static final Pattern PATH = Pattern.compile("^/a/([^/?]+)/dashboards/?(\\?.*)?$");

  DashboardTransformer(TeamServerState state) {
    super(NAME, state);
  }

  private record Wp(String id, String title, String lane) {}

  private static final class Feature {
    final String id;
    final String title;
    String status = "in progress";
    final Map<String, Wp> wps = new LinkedHashMap<>();

    Feature(String id, String title) {
      this.id = id;
      this.title = title;
    }
  }

  private static final class Project {
    final String slug;
    final String uuid;
    final Map<String, Feature> features = new LinkedHashMap<>();

    Project(String slug, String uuid) {
      this.slug = slug;
      this.uuid = uuid;
    }
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Matcher m = PATH.matcher(serveEvent.getRequest().getUrl());
    String team = m.matches() ? m.group(1) : "";
    List<TeamServerState.StoredEvent> events = state.events(team);
    Map<String, Project> projects = new LinkedHashMap<>();
    for (TeamServerState.StoredEvent s : events) {
      JsonNode e = s.event();
      JsonNode p = e.path("payload");
      Project project =
          projects.computeIfAbsent(
              e.path("project_uuid").asText(),
              uuid -> new Project(e.path("project_slug").asText(), uuid));
      String featureId = p.path("feature_id").asText();
      switch (e.path("event_type").asText()) {
        case "FeatureCreated" ->
            project.features.putIfAbsent(
                featureId, new Feature(featureId, p.path("title").asText()));
        case "FeatureCompleted" -> feature(project, featureId).status = "accepted";
        case "WPCreated" ->
            feature(project, featureId)
                .wps
                .put(
                    p.path("wp_id").asText(),
                    new Wp(
                        p.path("wp_id").asText(),
                        p.path("title").asText(),
                        p.path("lane").asText()));
        case "WPStatusChanged" -> {
          Feature f = feature(project, featureId);
          Wp old = f.wps.get(p.path("wp_id").asText());
          String title = old == null ? "" : old.title();
          f.wps.put(
              p.path("wp_id").asText(),
              new Wp(p.path("wp_id").asText(), title, p.path("to_lane").asText()));
        }
        default -> {
          // Other events show up in the activity list only.
        }
      }
    }
    return Responses.html(render(team, projects, events));
  }

  private static Feature feature(Project project, String id) {
    return project.features.computeIfAbsent(id, f -> new Feature(f, f));
  }

  private static String esc(String s) {
    return EscapingStrategy.HTML_ENTITY.escape(s).toString();
  }

  private static String render(
      String team, Map<String, Project> projects, List<TeamServerState.StoredEvent> events) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>")
        .append(esc(team))
        .append(" · Spec Kitty dashboard</title>")
        .append(
            "<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;color:#222}"
                + "table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}"
                + "td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}"
                + ".lane{font-family:monospace}.muted{color:#777}</style></head><body>\n")
        .append("<h1>Team <code>")
        .append(esc(team))
        .append("</code></h1>\n")
        .append("<p class=\"muted\">Sandbox dashboard: ")
        .append(events.size())
        .append(events.size() == 1 ? " event" : " events")
        .append(" received.</p>\n");
    h.append("<h2>Projects</h2>\n");
    if (projects.isEmpty()) {
      h.append("<p id=\"no-projects\">No events yet. Run <code>spec-kitty sync now</code>.</p>\n");
    }
    for (Project p : projects.values()) {
      h.append("<section class=\"project\" data-project=\"")
          .append(esc(p.slug))
          .append("\"><h3>")
          .append(esc(p.slug))
          .append(" <small class=\"muted\">")
          .append(esc(p.uuid))
          .append("</small></h3>\n");
      for (Feature f : p.features.values()) {
        h.append("<h4>")
            .append(esc(f.id))
            .append(" — ")
            .append(esc(f.title))
            .append(" <small>(")
            .append(esc(f.status))
            .append(
                ")</small></h4>\n<table><tr><th>Work package</th><th>Title</th><th>Lane</th></tr>\n");
        for (Wp wp : f.wps.values()) {
          h.append("<tr><td>")
              .append(esc(wp.id()))
              .append("</td><td>")
              .append(esc(wp.title()))
              .append("</td><td class=\"lane\">")
              .append(esc(wp.lane()))
              .append("</td></tr>\n");
        }
        h.append("</table>\n");
      }
      h.append("</section>\n");
    }
    h.append("<h2>Recent events</h2>\n<table id=\"events\"><tr><th>Time</th><th>Event</th>")
        .append("<th>Aggregate</th><th>Node</th></tr>\n");
    List<TeamServerState.StoredEvent> recent = new ArrayList<>(events);
    java.util.Collections.reverse(recent);
    for (TeamServerState.StoredEvent s : recent.subList(0, Math.min(20, recent.size()))) {
      JsonNode e = s.event();
      h.append("<tr><td>")
          .append(esc(e.path("timestamp").asText()))
          .append("</td><td>")
          .append(esc(e.path("event_type").asText()))
          .append("</td><td>")
          .append(esc(e.path("aggregate_id").asText()))
          .append("</td><td>")
          .append(esc(e.path("node_id").asText()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n</body></html>\n");
    return h.toString();
  }
}
