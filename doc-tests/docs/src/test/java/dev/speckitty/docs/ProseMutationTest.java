package dev.speckitty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.prose.Finding;
import dev.doctest.prose.ProseReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tried as an adversary would: a copy of the docs with one name changed — a command, an option, a
 * variable, a setting in prose and in a config example, a file, an exit code — fails the prose
 * check at the changed line, with the closest real name; a marked mention of a removed name passes,
 * and a marker on a name that exists fails.
 */
class ProseMutationTest {
  @TempDir Path temp;

  /**
   * @param page the page changed
   * @param from text in the page (exactly once)
   * @param to what it becomes
   * @param at text of the changed page on the line the finding must name
   * @param expected the findings there ("…" at the end: the message starts so)
   */
  record Mutation(String page, String from, String to, String at, List<String> expected) {
    @Override
    public String toString() {
      return page + ": " + from.strip() + " → " + to.strip();
    }
  }

  static Stream<Arguments> mutations() {
    return Stream.of(
            new Mutation(
                "how-to/authenticate.md",
                "Run `spec-kitty auth login` to start",
                "Run `spec-kitty auth logon` to start",
                "auth logon",
                List.of(
                    "no command `spec-kitty auth logon`; did you mean `spec-kitty auth login`?")),
            new Mutation(
                "how-to/authenticate.md",
                "`--force` logs in even when a session exists; `--username` skips",
                "`--relogin` logs in even when a session exists; `--user` skips",
                "--relogin",
                List.of(
                    "no spec-kitty command has the option `--relogin`; did you mean …",
                    "no spec-kitty command has the option `--user`; did you mean `--username`?")),
            new Mutation(
                "how-to/authenticate.md",
                "Run `spec-kitty auth login` to start",
                "Run `spec-kitty auth login` with `--json` to start",
                "with `--json`",
                List.of(
                    "`--json` is not an option of `spec-kitty auth login`, the command this"
                        + " sentence names (it is one of `spec-kitty auth status`, `spec-kitty sync"
                        + " status`); did you mean …")),
            new Mutation(
                "how-to/sync-to-server.md",
                "`sync status --json` counts",
                "`sync status --jsn` counts",
                "--jsn",
                List.of("`spec-kitty sync status` has no option `--jsn`; did you mean `--json`?")),
            new Mutation(
                "reference/configuration.md",
                "| `SPEC_KITTY_HTTP_TIMEOUT` | CLI |",
                "| `SPEC_KITTY_TIMEOUT` | CLI |",
                "SPEC_KITTY_TIMEOUT",
                List.of(
                    "spec-kitty reads no environment variable `SPEC_KITTY_TIMEOUT`; did you mean"
                        + " `SPEC_KITTY_HTTP_TIMEOUT`?")),
            new Mutation(
                "reference/cli-commands.md",
                "(rerun with SPEC_KITTY_DEBUG=1 for details)",
                "(rerun with SPEC_KITTY_DEBUGGING=1 for details)",
                "SPEC_KITTY_DEBUGGING",
                List.of(
                    "spec-kitty reads no environment variable `SPEC_KITTY_DEBUGGING`; did you mean"
                        + " `SPEC_KITTY_DEBUG`?")),
            new Mutation(
                "reference/configuration.md",
                "Overrides `[server] url` from",
                "Overrides `[server] uri` from",
                "[server] uri",
                List.of("the config file has no setting `uri` in `[server]`; did you mean `url`?")),
            new Mutation(
                "reference/configuration.md",
                "| `[server]` | `url` |",
                "| `[servers]` | `url` |",
                "[servers]",
                List.of("the config file has no section `[servers]`; did you mean `[server]`?")),
            new Mutation(
                "tutorials/server-connection.md",
                "url = \"https://your-server.example.com\"\n```\n\nReplace",
                "url = \"https://your-server.example.com\"\ntimeout = 2\n```\n\nReplace",
                "timeout = 2",
                List.of(
                    "the CLI does not know the setting `timeout` in ~/.spec-kitty/config.toml: it"
                        + " ignores it and warns; did you mean `url`?")),
            new Mutation(
                "tutorials/server-connection.md",
                "<!-- doctest: exit=2 isolated -->\n  ```bash\n  spec-kitty sync status\n  ```\n\n"
                    + "  ```\n  ❌ Malformed",
                "<!-- doctest: isolated -->\n  ```bash\n  spec-kitty sync status\n  ```\n\n"
                    + "  ```\n  ❌ Malformed",
                "[server\n",
                List.of(
                    "the CLI refuses this config file: ❌ Malformed config file"
                        + " ~/.spec-kitty/config.toml: missing ] at line 2.…")),
            new Mutation(
                "reference/configuration.md",
                "[server]\nurl = \"https://your-server.example.com\"\n```\n\n|",
                "[server]\nulr = \"https://your-server.example.com\"\n```\n\n|",
                "ulr =",
                List.of(
                    "the CLI does not know the setting `ulr` in ~/.spec-kitty/config.toml: it"
                        + " ignores it and warns; did you mean `url`?")),
            new Mutation(
                "how-to/authenticate.md",
                "`~/.spec-kitty/credentials.json`",
                "`~/.spec-kitty/credential.json`",
                "credential.json",
                List.of(
                    "spec-kitty keeps no file `credential.json` in ~/.spec-kitty/; did you mean"
                        + " `credentials.json`?")),
            new Mutation(
                "reference/configuration.md",
                "and exit code 2.",
                "and exit code 3.",
                "exit code 3",
                List.of("spec-kitty has no exit code 3 (its exit codes: 0, 1, 2, 70)")),
            new Mutation(
                "how-to/check-your-setup.adoc",
                "log in with `spec-kitty auth login`",
                "log in with `spec-kitty auth log-in`",
                "auth log-in",
                List.of(
                    "no command `spec-kitty auth log-in`; did you mean `spec-kitty auth login`?")),
            new Mutation(
                "how-to/authenticate.md",
                "`--force` logs in even when",
                "`--relogin` (removed in 2.0) and `--force` log in even when",
                "--relogin",
                List.of()),
            new Mutation(
                "how-to/authenticate.md",
                "`--force` logs in even when",
                "`--force` (removed in 2.0) logs in even when",
                "(removed in 2.0)",
                List.of(
                    "`--force` is marked as not existing, but it does: remove the marker after"
                        + " it")))
        .map(m -> Arguments.of(m));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void aChangedNameFailsAtItsLineWithTheClosestRealName(Mutation m) throws IOException {
    Path docs = Docs.copyIn(temp);
    Path page = docs.resolve(m.page());
    String text = Files.readString(page);
    assertThat(text.split(java.util.regex.Pattern.quote(m.from()), -1))
        .as("%s holds the text to change exactly once", m.page())
        .hasSize(2);
    String changed = text.replace(m.from(), m.to());
    Files.writeString(page, changed);
    String line = "docs/" + m.page() + ":" + lineOf(changed, m.at()) + ": ";

    ProseReport report = ProseTest.check(docs).check(List.of(page));

    List<String> found = report.findings().stream().map(Finding::toString).toList();
    assertThat(found).hasSameSizeAs(m.expected());
    for (int i = 0; i < found.size(); i++) {
      String expected = line + m.expected().get(i);
      if (expected.endsWith("…")) {
        assertThat(found.get(i)).startsWith(expected.substring(0, expected.length() - 1));
      } else {
        assertThat(found.get(i)).isEqualTo(expected);
      }
    }
  }

  private static int lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    assertThat(at).as("the changed page holds %s", needle).isNotNegative();
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }
}
