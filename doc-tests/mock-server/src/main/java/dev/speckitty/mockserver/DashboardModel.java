package dev.speckitty.mockserver;

import com.github.tomakehurst.wiremock.extension.TemplateModelDataProviderExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives the dashboard stub's template ({@code mappings/dashboard.json}, WireMock's {@code
 * response-template}) its model: for {@code GET /a/<team>/dashboards/}, the team's {@link
 * Dashboard} as {@code dashboard}. The template, not Java, makes the HTML, and the template engine
 * escapes every value — so only on a server whose templates escape HTML: WireMock standalone (and
 * its Docker image) always turns that off, and there the page gets no model and says so.
 */
final class DashboardModel implements TemplateModelDataProviderExtension {
  static final String NAME = "spec-kitty-dashboard-model";
  private static final Pattern PATH = Pattern.compile("^/a/([^/?]+)/dashboards/?(\\?.*)?$");

  private final TeamServerState state;
  private final boolean templatesEscapeHtml;

  DashboardModel(TeamServerState state, boolean templatesEscapeHtml) {
    this.state = state;
    this.templatesEscapeHtml = templatesEscapeHtml;
  }

  @Override
  public Map<String, Object> provideTemplateModelData(ServeEvent serveEvent) {
    Matcher m = PATH.matcher(serveEvent.getRequest().getUrl());
    if (!templatesEscapeHtml || !m.matches()) {
      return Map.of();
    }
    String team = m.group(1);
    return Map.of("dashboard", Dashboard.of(team, state.events(team)));
  }

  @Override
  public String getName() {
    return NAME;
  }
}
