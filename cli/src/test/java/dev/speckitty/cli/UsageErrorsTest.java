package dev.speckitty.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A mistyped command line is answered in plain words, with what was probably meant. */
class UsageErrorsTest {
  @RegisterExtension InProcessCli cli = new InProcessCli();

  @Test
  void aMistypedCommandSaysDidYouMeanInsteadOfUnmatchedArguments() {
    InProcessCli.Result r = cli.run("auht", "login");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "❌ 'auht' is not a spec-kitty command. Did you mean 'spec-kitty auth'?\n"
                + "   See 'spec-kitty --help'.\n");
  }

  @Test
  void aMistypedOptionSaysDidYouMean() {
    InProcessCli.Result r = cli.run("auth", "login", "--usrname", "reader@spec-kitty.test");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "❌ spec-kitty auth login has no option '--usrname'. Did you mean '--username'?\n"
                + "   See 'spec-kitty auth login --help'.\n");
  }

  @ParameterizedTest(name = "spec-kitty {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sync stauts          | ❌ 'stauts' is not a spec-kitty sync command. Did you mean"
            + " 'spec-kitty sync status'?",
        "snyc now             | ❌ 'snyc' is not a spec-kitty command. Did you mean 'spec-kitty"
            + " sync'?",
        "auth log             | ❌ 'log' is not a spec-kitty auth command. Did you mean"
            + " 'spec-kitty auth login' or 'spec-kitty auth logout'?",
        "frobnicate           | ❌ 'frobnicate' is not a spec-kitty command.",
        "--verison            | ❌ spec-kitty has no option '--verison'. Did you mean"
            + " '--version'?",
        "auth login --usrname=x | ❌ spec-kitty auth login has no option '--usrname'. Did you"
            + " mean '--username'?",
        "sync status --chek   | ❌ spec-kitty sync status has no option '--chek'. Did you mean"
            + " '--check'?",
        "sync now --fast      | ❌ spec-kitty sync now has no option '--fast'.",
        "sync now -x          | ❌ spec-kitty sync now has no option '-x'.",
        "move WP01 --too done | ❌ spec-kitty move has no option '--too'. Did you mean '--to'?",
        "sync status extra    | ❌ Unexpected argument 'extra': spec-kitty sync status takes no"
            + " more.",
      })
  void everyUnknownWordIsNamedInPlainWords(String args, String firstLine) {
    InProcessCli.Result r = cli.run(args.strip().split(" +"));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith(firstLine + "\n   See '");
    assertThat(r.err()).doesNotContain("Unmatched", "index");
  }
}
