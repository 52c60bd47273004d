package dev.speckitty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.model.Source;
import dev.doctest.prose.CodeSpan;
import dev.doctest.prose.Finding;
import dev.doctest.prose.ProseReader;
import dev.doctest.prose.Sentence;
import dev.doctest.prose.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which code spans name the CLI, and what is wrong with them, from a table of (sentence, span,
 * verdict): {@code -} when the span is not the CLI's, {@code ok} when it names only what exists,
 * else the problem.
 */
class ProseRulesTest {
  private static final CliVocabulary CLI = new CliVocabulary(CliNames.CLI);

  private static Sentence sentence(String markdown) {
    Source source = new Source(Path.of("/docs/how-to/page.md"), "docs/how-to/page.md");
    List<Sentence> sentences = new ProseReader(Docs.asciidoc()).read(source, markdown + "\n");
    assertThat(sentences).hasSize(1);
    return sentences.get(0);
  }

  private static String verdict(String markdown, String span) {
    Sentence sentence = sentence(markdown);
    CodeSpan code =
        sentence.spans().stream().filter(s -> s.text().equals(span)).findFirst().orElseThrow();
    Verdict verdict = CLI.judge(code, sentence);
    if (!verdict.recognised()) {
      return "-";
    }
    return verdict.unknown().isEmpty() ? "ok" : String.join(" / ", verdict.unknown());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '¦',
      textBlock =
          """
          Open `001-photo-gallery/WP01`.                    ¦ 001-photo-gallery/WP01 ¦ -
          Pass `-Xmx256m` to the `spec-kitty` launcher.     ¦ -Xmx256m               ¦ -
          Press `Ctrl-C` to stop.                           ¦ Ctrl-C                 ¦ -
          Ask again with `after=<next_cursor>`.             ¦ after=<next_cursor>    ¦ -
          It calls `POST /api/v1/token/`.                   ¦ POST /api/v1/token/    ¦ -
          The answer's `url` field.                         ¦ url                    ¦ -
          Edit `plan.md` first.                             ¦ plan.md                ¦ -
          `[::1]` is this machine.                          ¦ [::1]                  ¦ -
          Project files live in `kitty-specs/`.             ¦ kitty-specs/           ¦ -
          | `[server]` | `url` | The server. |              ¦ url                    ¦ ok
          Set `[server] url` first.                         ¦ [server] url           ¦ ok
          Write `url = "https://x.example.com"` there.      ¦ url = "https://x.example.com" ¦ ok
          Usage: `spec-kitty move <WP>... --to=<lane> [--feature=<feature>]` ¦ spec-kitty move <WP>... --to=<lane> [--feature=<feature>] ¦ ok
          Run `spec-kitty auth login -fu me`.               ¦ spec-kitty auth login -fu me ¦ ok
          Run `SPEC_KITTY_DEBUG=1 spec-kitty sync now`.     ¦ SPEC_KITTY_DEBUG=1 spec-kitty sync now ¦ ok
          Run `spec-kitty <command> --help`.                ¦ spec-kitty <command> --help ¦ ok
          Nothing from your `SPEC_KITTY_*` settings.        ¦ SPEC_KITTY_*           ¦ ok
          It lives in `~/.spec-kitty/`.                     ¦ ~/.spec-kitty/         ¦ ok
          Use `sync now` daily.                             ¦ sync now               ¦ ok
          Add `-f` to log in again.                         ¦ -f                     ¦ ok
          Use `sync nwo` daily.                             ¦ sync nwo               ¦ no command `spec-kitty sync nwo`; did you mean `spec-kitty sync now`?
          Run `spec-kitty auth login alice`.                ¦ spec-kitty auth login alice ¦ `spec-kitty auth login` takes no arguments, but is given `alice`
          Run `echo x | spec-kitty sync now --hlep`.        ¦ echo x | spec-kitty sync now --hlep ¦ `spec-kitty sync now` has no option `--hlep`; did you mean `--help`?
          Set the `timeout` key in the config file.         ¦ timeout                ¦ the config file has no setting `timeout`; did you mean `url`?
          Write `timeout = 2` under `[server]`.             ¦ timeout = 2            ¦ the config file has no setting `timeout` in `[server]`; did you mean `url`?
          Add a `[proxy]` section.                          ¦ [proxy]                ¦ the config file has no section `[proxy]`; did you mean `[server]`?
          Set `SPEC_KITTY_URL` in CI.                       ¦ SPEC_KITTY_URL         ¦ spec-kitty reads no environment variable `SPEC_KITTY_URL`; did you mean `SPEC_KITTY_SERVER_URL`?
          Delete `~/.spec-kitty/queue.sqlite` to start over. ¦ ~/.spec-kitty/queue.sqlite ¦ spec-kitty keeps no file `queue.sqlite` in ~/.spec-kitty/; did you mean `queue.db`?
          """)
  void aSpanIsTheClisOnlyWhenItLooksLikeItsVocabulary(
      String sentence, String span, String verdict) {
    assertThat(verdict(sentence, span)).isEqualTo(verdict);
  }

  /** How a page may write the same command line: behind a prompt, a wrapper or in a subshell. */
  static final List<String> WRITTEN_AROUND =
      List.of(
          "$ %s",
          "sudo %s",
          "sudo -E -u root %s",
          "env FOO=1 %s",
          "env -i FOO=1 %s",
          "time %s",
          "nohup %s",
          "xargs %s",
          "xargs -n 1 %s",
          "exec %s",
          "command %s",
          "nice %s",
          "nice -n 10 %s",
          "timeout 30 %s",
          "timeout -s KILL 30s %s",
          "(%s)",
          "( %s )",
          "{ %s; }",
          "sudo env FOO=1 nohup %s",
          "cat ids | xargs %s");

  static List<String> writtenAround() {
    return WRITTEN_AROUND;
  }

  /**
   * A prompt, a wrapper command or a subshell in front of the CLI does not hide it: the command
   * line is read as it is on its own, so a page cannot show a made-up option behind {@code sudo}.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("writtenAround")
  void aCommandLineBehindAPromptAWrapperOrASubshellIsStillChecked(String form) {
    String span = form.formatted("spec-kitty sync now --dry-run");

    assertThat(verdict("Run `" + span + "`.", span))
        .startsWith("`spec-kitty sync now` has no option `--dry-run`");
  }

  /**
   * The same forms around options that exist are fine: the wrapper's own options are not the CLI's.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("writtenAround")
  void aRealCommandLineBehindAPromptAWrapperOrASubshellPasses(String form) {
    String span = form.formatted("spec-kitty sync status --check --json");

    assertThat(verdict("Run `" + span + "`.", span)).isEqualTo("ok");
  }

  @Test
  void theVersionASpanGivesIsTheClisVersion() {
    String version = CliNames.CLI.version;

    assertThat(verdict("It prints `spec-kitty " + version + "`.", "spec-kitty " + version))
        .isEqualTo("ok");
    assertThat(verdict("It prints `spec-kitty 1.9.0`.", "spec-kitty 1.9.0"))
        .isEqualTo("the CLI's version is `spec-kitty " + version + "`, not `spec-kitty 1.9.0`");
  }

  @Test
  void exitCodesStatedInWordsAreTheClisExitCodes() {
    Sentence sentence =
        sentence("Exit code 1 when it fails,\nexit code 5 when it is late; it exits with code 2.");

    assertThat(CLI.judgeWords(sentence))
        .extracting(Finding::toString)
        .containsExactly(
            "docs/how-to/page.md:2: spec-kitty has no exit code 5 (its exit codes: 0, 1, 2, 70)");
  }

  @Test
  void aVariableInTheWordsIsCheckedLikeOneInASpan() {
    Sentence sentence = sentence("Rerun with SPEC_KITTY_DEBUG=1, or with\nSPEC_KITTY_TRACE=1.");

    assertThat(CLI.judgeWords(sentence))
        .extracting(Finding::toString)
        .containsExactly(
            "docs/how-to/page.md:2: spec-kitty reads no environment variable `SPEC_KITTY_TRACE`;"
                + " did you mean `SPEC_KITTY_DEBUG`?");
  }
}
