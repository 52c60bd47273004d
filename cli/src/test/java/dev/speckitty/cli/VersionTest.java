package dev.speckitty.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VersionTest {
  @RegisterExtension InProcessCli cli = new InProcessCli();

  @Test
  void versionIsOneLineWithThePomVersion() {
    String pomVersion = System.getProperty("project.version");

    InProcessCli.Result r = cli.run("--version");

    assertThat(pomVersion).startsWith("2.");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("spec-kitty " + pomVersion + "\n");
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] command :
        new String[][] {
          {"--help"},
          {"auth", "--help"},
          {"auth", "login", "--help"},
          {"auth", "status", "--help"},
          {"auth", "logout", "--help"}
        }) {
      InProcessCli.Result r = cli.run(command);
      assertThat(r.exitCode()).as(String.join(" ", command)).isZero();
      assertThat(r.out()).contains("Usage: spec-kitty").contains("\nExit codes\n");
    }
  }

  @Test
  void theExitCodesHeadingHasNoColonLikeEveryOtherHeading() {
    InProcessCli.Result r = cli.run("sync", "now", "--help");

    assertThat(r.out()).contains("\nExit codes\n  0    Success.\n").doesNotContain("Exit codes:");
  }

  @Test
  void unknownCommandIsAUsageErrorPointingAtHelp() {
    InProcessCli.Result r = cli.run("bogus");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("'bogus'").contains("See 'spec-kitty --help'.");
  }
}
