package dev.speckitty.mockserver;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import java.time.Clock;
import java.util.List;

/**
 * The mock's stateful extensions as one WireMock {@link ExtensionFactory}, sharing one state — so
 * the same stub files also run in WireMock standalone or its Docker image: {@code --extensions
 * dev.speckitty.mockserver.SpecKittyExtensions} with this jar and Jackson on the classpath.
 */
public final class SpecKittyExtensions implements ExtensionFactory {
  private final TeamServerState state;

  public SpecKittyExtensions() {
    this(new TeamServerState(Fixtures.users(), Clock.systemUTC()));
  }

  SpecKittyExtensions(TeamServerState state) {
    this.state = state;
  }

  @Override
  public List<Extension> create(WireMockServices services) {
    return extensions(!services.getOptions().getTemplateEscapingDisabled());
  }

  /** The extensions for a server whose templates escape HTML, as {@link MockTeamServer}'s do. */
  List<Extension> extensions() {
    return extensions(true);
  }

  private List<Extension> extensions(boolean templatesEscapeHtml) {
    return List.of(
        new TokenTransformer(state),
        new HealthTransformer(state),
        new BatchTransformer(state),
        new PullTransformer(state),
        new DashboardModel(state, templatesEscapeHtml));
  }
}
