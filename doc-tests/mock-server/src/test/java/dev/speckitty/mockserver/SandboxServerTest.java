package dev.speckitty.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxServerTest {
  @Test
  void helpListsEveryScenarioWithItsDescriptionOnOneLine() {
    List<String> help = SandboxServer.commandLine().getUsageMessage().lines().toList();

    int heading = help.indexOf("Scenarios (--scenario <name>)");
    assertThat(heading).isPositive();
    List<String> listed = help.subList(heading + 1, help.size());
    assertThat(listed).hasSize(Scenario.values().length);
    for (int i = 0; i < Scenario.values().length; i++) {
      Scenario s = Scenario.values()[i];
      assertThat(listed.get(i)).matches("  " + s.id() + " +\\Q" + s.description() + "\\E");
    }
  }

  @Test
  void helpSaysWhereTheStateIsKeptAndHowToStartEmpty() {
    String help = SandboxServer.commandLine().getUsageMessage();

    assertThat(help)
        .contains("--state-dir=<folder>")
        .contains("~/.spec-kitty-sandbox")
        .contains("--fresh");
  }
}
