package dev.speckitty.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.cli.InProcessCli;
import dev.speckitty.cli.InProcessCli.Result;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A config file the TOML parser refuses is explained in an editor's words, with its line. */
class ConfigSyntaxTest {
  @RegisterExtension InProcessCli cli = new InProcessCli();

  /** Writes {@code toml} as the config file and runs {@code sync status}, which reads it. */
  private Result syncStatusWith(String toml) throws IOException {
    cli.writeConfig(toml);
    return cli.run("sync", "status");
  }

  /** What {@code sync status} says, exiting 2, about the config file {@code toml}. */
  private String refusalOf(String toml) throws IOException {
    Result r = syncStatusWith(toml);
    assertThat(r.exitCode()).isEqualTo(2);
    return r.err();
  }

  @Test
  void aSectionWithoutItsClosingBracketSaysMissingBracketAtLine1() throws IOException {
    assertThat(refusalOf("[server\nurl = \"https://team.example.com\"\n"))
        .isEqualTo(
            "❌ Malformed config file ~/.spec-kitty/config.toml: missing ] at line 1.\n"
                + "   Line 1: [server\n"
                + "   Expected TOML such as:  [server]  url = \"https://your-server.example.com\"\n");
  }

  @ParameterizedTest(name = "{0} -> {1} at line {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "server]\\nurl = \"https://team.example.com\"     | missing [                         | 1",
        "[server]\\nurl = \"https://team.example.com      | missing closing \"                | 2",
        "[server]\\nurl = 'https://team.example.com       | missing closing '                 | 2",
        "[server]\\nurl = https://team.example.com        | missing quotes around the value   | 2",
        "[server]\\nurl: \"https://team.example.com\"     | ':' instead of '='                | 2",
        "[server]\\nurl \"https://team.example.com\"      | missing = after url               | 2",
        "[server]\\nurl =                                 | missing value after =             | 2",
        "[server]\\nurl = \"https://team.example.com\"]   | unexpected ] after the value      | 2",
        "[server]\\nurl = \"a\"\\nurl = \"b\"             | url set a second time             | 3",
        "[server]\\n[server]\\nurl = \"a\"                | [server] given a second time      | 2",
        "[server]\\nurl = \"C:\\q\"                       | unknown escape \\q (write \\\\ for \\) | 2",
      })
  void commonMistakesAreNamedInPlainWords(String toml, String problem, int line)
      throws IOException {
    assertThat(refusalOf(toml.strip().replace("\\n", "\n") + "\n"))
        .startsWith(
            "❌ Malformed config file ~/.spec-kitty/config.toml: "
                + problem
                + " at line "
                + line
                + ".\n   Line "
                + line
                + ": ");
  }

  @Test
  void theShownLineIsTheOneWithTheMistake() throws IOException {
    Result r = syncStatusWith("# my server\n[server]\nurl = \"a\"\n\nurl = \"b\"  # the new one\n");

    assertThat(r.err())
        .startsWith(
            "❌ Malformed config file ~/.spec-kitty/config.toml: url set a second time at line"
                + " 5.\n   Line 5: url = \"b\"  # the new one\n");
  }
}
