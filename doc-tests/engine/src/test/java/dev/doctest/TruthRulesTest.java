package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doctest.model.DocTestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Verified" means verified: each way a page could disagree with the tool and still pass, tried on
 * a mutated copy of the fixture docs, fails at the right {@code file:line} with a message that says
 * what to do.
 */
class TruthRulesTest {
  private static final String BASICS = "tutorials/basics.md";
  private static final String VALUES = "tutorials/values.md";

  @TempDir Path temp;

  private EngineFixture fixture() {
    return new EngineFixture(temp);
  }

  private static String parseError(EngineFixture f, String page) {
    try {
      f.parse(page);
    } catch (DocTestException e) {
      return e.getMessage();
    }
    throw new AssertionError(page + " parsed");
  }

  /**
   * Checks that {@code page} does not parse: refused at {@code line}, for all of {@code reasons}.
   */
  private static void assertRefusedAt(EngineFixture f, String page, int line, String... reasons) {
    assertThat(parseError(f, page))
        .startsWith("docs/" + page + ":" + line + ": ")
        .contains(reasons);
  }

  @Test
  void anExcerptDeclaredOnTheCommandHoldsForItsOutput() {
    EngineFixture f =
        fixture()
            .mutate(
                BASICS,
                "```bash\ncat ~/.greeted\n```\n\nExpected output:\n\n```text\nHello, world!\n",
                "<!-- doctest: match=contains -->\n```bash\ncat ~/.greeted\n```\n\n"
                    + "Expected output:\n\n```text\n");

    EngineFixture.assertPassed(f.run(BASICS));
  }

  @Test
  void anOutputAnnotationOnACommandWithoutOutputIsRefused() throws Exception {
    EngineFixture f = fixture();
    Files.writeString(
        f.doc("how-to/excerpt.md"),
        "# Excerpt\n\n<!-- doctest: match=contains -->\n```bash\ntrue\n```\n");

    assertThat(parseError(f, "how-to/excerpt.md"))
        .contains("match= is about output, and this command has no output block after it");
  }

  // 2. Hidden execution the reader never sees.

  @Test
  void aHiddenCommandThatPrintsItsOwnOutputIsRefused() {
    EngineFixture f =
        fixture()
            .mutate(
                BASICS, "run=\"fake-cli fail 1\"", "run=\"echo 'something went wrong'; false\"");

    assertRefusedAt(
        f,
        BASICS,
        f.lineOf(BASICS, "run=\"echo") + 1,
        "is not a command a reader could type",
        "';' makes it more than one command");
  }

  @Test
  void aHiddenCommandMustEndInTheTool() {
    EngineFixture f =
        fixture().mutate(BASICS, "run=\"fake-cli fail 1\"", "run=\"fake-cli fail 1 | cat\"");

    assertThat(parseError(f, BASICS)).contains("it must end in fake-cli");
  }

  @Test
  void aShellBlockCannotBeWrittenAsAFile() {
    EngineFixture f =
        fixture()
            .mutate(
                BASICS,
                "```bash\nfake-cli greet\n```",
                "<!-- doctest: file path=~/greet.sh -->\n```bash\nfake-cli greet\n```");

    assertRefusedAt(
        f,
        BASICS,
        f.lineOf(BASICS, "fake-cli greet") - 1,
        "a bash block is a command the reader runs, not a file to write");
  }

  @Test
  void aThrowawayExampleRunsOnACopyOfThePageAndLeavesNoTrace() {
    EngineFixture f =
        fixture()
            .mutate(
                BASICS,
                "## Shell state",
                "If the file had a typo, you would see it:\n\n"
                    + "<!-- doctest: file isolated -->\n```toml\n# ~/.fake-cli.toml\nserver = \"htps://typo\"\n```\n\n"
                    + "```bash {isolated}\ncat ~/.fake-cli.toml\n```\n\n"
                    + "```\n# ~/.fake-cli.toml\nserver = \"htps://typo\"\n```\n\n"
                    + "## Shell state")
            .mutate(BASICS, "cat ~/.greeted && ls ~", "cat ~/.greeted ~/.fake-cli.toml && ls ~")
            .mutate(
                BASICS,
                "HELLO, WORLD!\nproject\n",
                "HELLO, WORLD!\n# ~/.fake-cli.toml\nserver = \"https://your-server.example.com\"\nproject\n");

    EngineFixture.assertPassed(f.run(BASICS));
  }

  // 3. Output nobody checks.

  @Test
  void aCommandWhoseOutputBlockWasDeletedFailsWhenItPrints() {
    EngineFixture f = fixture().mutate(BASICS, "```\nHello, world!\n```\n", "");

    String failure = EngineFixture.firstFailure(f.run(BASICS));

    assertThat(failure)
        .startsWith("docs/" + BASICS + ":" + (f.lineOf(BASICS, "fake-cli greet") - 1) + ": ")
        .contains(
            "the command printed output the page does not show", "hides-output", "Hello, world!");
  }

  @Test
  void aCommandMayHideItsOutputWhenThePageSaysWhy() {
    EngineFixture f =
        fixture()
            .mutate(
                BASICS,
                "```bash\nfake-cli greet\n```\n\n```\nHello, world!\n```\n",
                "<!-- doctest: hides-output=\"the greeting is long\" -->\n```bash\nfake-cli greet\n```\n");

    EngineFixture.assertPassed(f.run(BASICS));
  }

  @Test
  void aFailingStageOfAPipelineFailsTheStep() {
    EngineFixture f =
        fixture().mutate(BASICS, "mkdir -p project && cd project", "fake-cli fail 3 | cat");

    assertThat(EngineFixture.firstFailure(f.run(BASICS)))
        .contains(": exit code 3, expected 0: fake-cli fail 3 | cat");
  }

  @Test
  void aFailingCommandBeforeACompoundCommandFailsTheStep() {
    EngineFixture f =
        fixture()
            .mutate(
                BASICS,
                "mkdir -p project && cd project",
                "fake-cli fail 4; if true; then mkdir -p project; fi; cd project");

    assertThat(EngineFixture.firstFailure(f.run(BASICS))).contains(": exit code 4, expected 0");
  }

  @Test
  void aFailureSwallowedWithOrIsRefused() {
    EngineFixture f =
        fixture().mutate(BASICS, "mkdir -p project && cd project", "fake-cli fail 1 || true");

    assertThat(parseError(f, BASICS)).contains("'||' hides a failing command");
  }

  // 4. Patterns that swallow lies.

  @Test
  void aPatternThatMatchesWhitespaceIsRefused() throws Exception {
    EngineFixture f = fixture();
    Files.writeString(
        f.docs.resolve("doctest.toml"),
        Files.readString(f.docs.resolve("doctest.toml"))
            .replace("WORD = \"[a-z]+\"", "ANY = \".*\""));

    assertThatThrownBy(f::config)
        .hasMessageStartingWith("docs/doctest.toml:1: ")
        .hasMessageContaining("pattern ANY matches");
  }

  @Test
  void valuesThatReallyVaryPass() {
    EngineFixture.assertPassed(fixture().run(VALUES));
  }

  @Test
  void aVariedNumberCannotStandForAnotherClaim() {
    EngineFixture f =
        fixture()
            .mutate(VALUES, "vary=\"86400=NUMBER\"", "vary=\"3599=NUMBER\"")
            .mutate(VALUES, "valid for 86400 seconds", "valid for 3599 seconds");

    assertThat(EngineFixture.firstFailure(f.run(VALUES)))
        .startsWith(
            "docs/" + VALUES + ":" + (f.lineOf(VALUES, "3599 seconds") - 1) + ": output drifted")
        .contains("-token valid for 3599 seconds (23h)", "+token valid for 86399 seconds (23h)");
  }

  @Test
  void aWordIsNotAVaryingValue() {
    EngineFixture f =
        fixture()
            .mutate(VALUES, "vary=\"86400=NUMBER\"", "vary=\"86400=NUMBER\" vary=\"expired=WORD\"")
            .mutate(VALUES, "token valid for", "token expired for");

    assertThat(EngineFixture.firstFailure(f.run(VALUES))).contains("output drifted");
  }

  @Test
  void timesKeepTheDistancesThePageShows() {
    EngineFixture f =
        fixture()
            .mutate(VALUES, "2026-03-08T09:00:00Z=INSTANT", "2026-03-03T09:00:00Z=INSTANT")
            .mutate(VALUES, "refresh 2026-03-08T09:00:00Z", "refresh 2026-03-03T09:00:00Z");

    assertThat(EngineFixture.firstFailure(f.run(VALUES)))
        .contains("output drifted", "-refresh 2026-03-03T09:00:00Z");
  }

  // 5. Blocks the reader sees but the engine never parses.

  @Test
  void codeInRawHtmlIsRefused() {
    EngineFixture f =
        fixture()
            .mutate(BASICS, "## Greet\n", "## Greet\n\n<pre>\nfake-cli greet --loud\n</pre>\n");

    assertRefusedAt(f, BASICS, f.lineOf(BASICS, "<pre>"), "code in raw HTML");
  }

  @Test
  void rawHtmlThatCanHideStepsIsRefused() {
    EngineFixture f =
        fixture()
            .mutate(BASICS, "## Greet\n", "## Greet\n\n<div style=\"display:none\">\n\n")
            .mutate(BASICS, "The fixture greeted", "</div>\n\nThe fixture greeted");

    assertRefusedAt(f, BASICS, f.lineOf(BASICS, "<div"), "raw HTML (<div", "write Markdown");
  }

  @Test
  void rawHtmlInTheTextThatCanHideStepsIsRefused() {
    EngineFixture f =
        fixture()
            .mutate(
                BASICS,
                "The fixture greeted us before we started:",
                "The fixture greeted us\nbefore <div style=\"display:none\"> we started:");

    assertRefusedAt(
        f,
        BASICS,
        f.lineOf(BASICS, "before <div"),
        "raw HTML (<div style=\"display:none\">) in the text");
  }

  @Test
  void aCommentOpenedInsideRawHtmlIsRefused() {
    EngineFixture f =
        fixture()
            .mutate(BASICS, "## Greet\n", "## Greet\n\n<div>\n<!--\n")
            .mutate(BASICS, "The fixture greeted", "<div>-->\n\nThe fixture greeted");

    assertRefusedAt(f, BASICS, f.lineOf(BASICS, "<div>"), "HTML comment not closed where it opens");
  }

  @Test
  void invisibleCharactersInABlockAreRefused() {
    for (String hidden : List.of("\b", "\u001B]0;x\u0007", "\u202E", "\u00A0")) {
      EngineFixture f =
          fixture().mutate(BASICS, "```\nHello, world!\n", "```\nHello, wor" + hidden + "ld!\n");

      assertRefusedAt(
          f,
          BASICS,
          f.lineOf(BASICS, "Hello, wor" + hidden),
          String.format("character U+%04X", (int) hidden.charAt(0)));
    }
  }

  @Test
  void aFileWrittenElsewhereThanItsBlockShowsIsRefused() {
    EngineFixture f =
        fixture()
            .mutate(
                BASICS,
                "```toml\n# ~/.fake-cli.toml\n",
                "<!-- doctest: path=./notes/fake-cli.toml -->\n```toml\n# ~/.fake-cli.toml\n");

    assertRefusedAt(
        f, BASICS, f.lineOf(BASICS, "```toml"), "path=./notes/fake-cli.toml but the block shows");
  }

  @Test
  void anInlinePassthroughOfHtmlIsRefused() {
    String page = "tutorials/basics.adoc";
    for (String passthrough :
        List.of(
            "+++<div style=\"display:none\">+++",
            "pass:[<style>pre{font-size:0}</style>]",
            "+++\n<dialog>+++",
            "+++a+<dialog>+++",
            "pass:[x\\]<dialog>]")) {
      EngineFixture f =
          fixture().mutate(page, "== Greet\n", "== Greet\n\nHello " + passthrough + "\n");

      assertRefusedAt(f, page, f.lineOf(page, "Hello "), "raw HTML in an inline passthrough");
    }
  }

  @Test
  void aHiddenCommandRunsOnAThrowawayCopy() {
    EngineFixture f =
        fixture()
            .mutate(
                BASICS,
                "run=\"fake-cli fail 1\" exit=1 isolated",
                "run=\"fake-cli fail 1\" exit=1");

    assertRefusedAt(f, BASICS, f.lineOf(BASICS, "run=\"fake-cli fail 1\"") + 1, "without isolated");
  }

  @Test
  void aStepWhoseShellWouldRunSomethingElseThanTheToolFails() {
    EngineFixture f =
        fixture()
            .mutate(
                "doctest.toml",
                "[fixtures.greeted]\n",
                """
                [fixtures.shadowed]
                description = "fake-cli has greeted twice, with ~/bin first on $PATH"
                extends = "greeted-twice"
                commands = [
                  "mkdir -p ~/bin",
                  "printf '#!/bin/sh\\\\necho Hello, world!\\\\n' > ~/bin/fake-cli",
                  "chmod +x ~/bin/fake-cli",
                  "export PATH=\\"$HOME/bin:$PATH\\"",
                ]

                [fixtures.greeted]
                """)
            .mutate(BASICS, "fixture=greeted-twice", "fixture=shadowed");

    assertThat(EngineFixture.firstFailure(f.run(BASICS)))
        .startsWith("docs/" + BASICS + ":" + (f.lineOf(BASICS, "fake-cli greet") - 1))
        .contains("doctest: this step would not run", "/bin/fake-cli");
  }

  @Test
  void aStepWhoseShellWouldRunTheToolOnAnotherRuntimeFails() {
    for (String export :
        List.of(
            "export JAVA_HOME=\\\"$HOME/fake-java\\\"",
            "export JAVA_TOOL_OPTIONS=-Dfile.encoding=ISO-8859-1",
            "export BASH_ENV=\\\"$HOME/.evil\\\"",
            "export FAKE_CLI_OPTS=-Dtraining")) {
      EngineFixture f =
          fixture()
              .mutate(
                  "doctest.toml",
                  "[fixtures.greeted]\n",
                  """
                  [fixtures.runtime]
                  description = "fake-cli has greeted twice, and %s is set"
                  extends = "greeted-twice"
                  commands = ["%s"]

                  [fixtures.greeted]
                  """
                      .formatted("$" + export.split("[ =]")[1], export))
              .mutate(BASICS, "fixture=greeted-twice", "fixture=runtime");

      assertThat(EngineFixture.firstFailure(f.run(BASICS)))
          .as(export)
          .startsWith("docs/" + BASICS + ":" + (f.lineOf(BASICS, "fake-cli greet") - 1))
          .contains("doctest: this step would run with " + export.split("[ =]")[1] + " changed");
    }
  }

  @Test
  void aHiddenCommandCannotChooseWhichProgramRuns() {
    for (String setting :
        List.of(
            "PATH=/Users/you/.bin",
            "JAVA_HOME=/Users/you/.jdk",
            "HOME=/tmp",
            "FAKE_CLI_OPTS=-Dtraining")) {
      EngineFixture f =
          fixture()
              .mutate(BASICS, "run=\"fake-cli fail 1\"", "run=\"" + setting + " fake-cli fail 1\"");

      assertRefusedAt(
          f,
          BASICS,
          f.lineOf(BASICS, "run=\"" + setting) + 1,
          setting.substring(0, setting.indexOf('=') + 1) + " decides which program runs");
    }
  }

  @Test
  void aCommandNameThatLooksLikeTheToolButIsNotIsRefused() {
    EngineFixture f = fixture().mutate(BASICS, "fake-cli greet\n", "fake-cl\u0456 greet\n");

    assertRefusedAt(
        f, BASICS, f.lineOf(BASICS, "fake-cl\u0456 greet") - 1, "holds a letter outside ASCII");
  }

  @Test
  void anOutputShowsOnlyWhatATerminalLeavesOnTheScreen() {
    EngineFixture f =
        fixture()
            .mutate(
                BASICS,
                "The fixture greeted us before we started:\n",
                "```bash\nprintf 'Hello!\\n\\033[1A\\033[2KGoodbye!\\n'\n```\n\n"
                    + "```\nHello!\nGoodbye!\n```\n\n"
                    + "The fixture greeted us before we started:\n");

    assertThat(EngineFixture.firstFailure(f.run(BASICS)))
        .startsWith(
            "docs/" + BASICS + ":" + (f.lineOf(BASICS, "printf 'Hello!") + 3) + ": output drifted")
        .contains("-Hello!");
  }

  @Test
  void anOutputWhoseScreenDependsOnTheTerminalFailsItsStep() {
    EngineFixture f =
        fixture()
            .mutate(
                BASICS,
                "The fixture greeted us before we started:\n",
                "```bash\nprintf 'ok: 1 of 2\\r✅✅\\n'\n```\n\n"
                    + "```\n✅✅: 1 of 2\n```\n\n"
                    + "The fixture greeted us before we started:\n");

    assertThat(EngineFixture.firstFailure(f.run(BASICS)))
        .startsWith("docs/" + BASICS + ":" + (f.lineOf(BASICS, "printf 'ok: 1 of 2") - 1) + ": ")
        .contains("width differs between terminals");
  }

  @Test
  void anEmptyExcerptIsRefused() {
    EngineFixture f =
        fixture()
            .mutate(
                BASICS,
                "```\nHello, world!\n```\n",
                "<!-- doctest: match=contains -->\n```\n\n```\n");
    assertRefusedAt(
        f,
        BASICS,
        f.lineOf(BASICS, "doctest: match=contains") + 1,
        "an excerpt (match=contains) with no lines");
  }

  @Test
  void anAnnotationCannotCloseItsCommentEarly() {
    String html = "\"--><blockquote><p>Checked: prints <strong>ok</strong></p></blockquote><!--\"";
    EngineFixture page =
        fixture()
            .mutate(
                BASICS,
                "<!-- doctest-document: fixture=greeted-twice -->",
                "<!-- doctest-document: fixture=" + html + " fixture=greeted-twice -->");
    assertRefusedAt(page, BASICS, 1, "an HTML comment cannot contain '--'");

    EngineFixture browser =
        fixture()
            .mutate(
                BASICS, "## Greet\n", "## Greet\n\n<!-- doctest-browser: open=" + html + " -->\n");
    assertRefusedAt(
        browser,
        BASICS,
        browser.lineOf(BASICS, "doctest-browser"),
        "an HTML comment cannot contain '--'");
  }

  @Test
  void aFileBlockIsWrittenWhereTheReadersEditorWouldWriteIt() throws Exception {
    Assumptions.assumeTrue(EngineFixture.CONFINEMENT.confined(), "steps run confined");
    String name = "notes-" + UUID.randomUUID() + ".toml";
    Path hostTmp = Path.of("/tmp", name);
    Path readOnly = EngineFixture.BIN.getParent().resolve(name);
    try {
      // Through a link into the page's own /tmp: where a reader's editor writes, the page reads.
      EngineFixture f =
          fixture().mutate(BASICS, "Create `~/.fake-cli.toml`:\n", linkTo("/tmp/" + name));
      EngineFixture.assertPassed(f.run(BASICS));
      assertThat(hostTmp).doesNotExist();

      // Through a link out of the workspace: read-only there, as for the page's commands.
      EngineFixture out =
          fixture().mutate(BASICS, "Create `~/.fake-cli.toml`:\n", linkTo(readOnly.toString()));
      assertThat(EngineFixture.firstFailure(out.run(BASICS)))
          .startsWith(
              "docs/"
                  + BASICS
                  + ":"
                  + (out.lineOf(BASICS, "# ~/.fake-cli.toml") - 1)
                  + ": cannot write ~/.fake-cli.toml")
          .contains("Read-only file system");
      assertThat(readOnly).doesNotExist();
    } finally {
      Files.deleteIfExists(hostTmp);
      Files.deleteIfExists(readOnly);
    }
  }

  private static String linkTo(String target) {
    return "```bash\nln -s " + target + " ~/.fake-cli.toml\n```\n\nCreate `~/.fake-cli.toml`:\n";
  }

  @Test
  void aStepCannotChooseWhatLaterStepsRun() throws Exception {
    Assumptions.assumeTrue(EngineFixture.CONFINEMENT.confined(), "steps run confined");
    String prefix = "forged-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String plant =
        "for i in $(seq 2 30); do printf 'echo Hello, forged!\\n' > /tmp/"
            + prefix
            + "$i.sh; ln -sf /tmp/"
            + prefix
            + "$i.sh /run/doc\"\"test/step-$i.sh; done\n";
    try {
      EngineFixture f =
          fixture()
              .mutate(
                  BASICS,
                  "```bash\nfake-cli greet\n```\n",
                  "```bash\n" + plant + "```\n\n```bash\nfake-cli greet\n```\n")
              .mutate(BASICS, "```\nHello, world!\n```\n", "```\nHello, forged!\n```\n");

      assertThat(EngineFixture.firstFailure(f.run(BASICS)))
          .startsWith(
              "docs/"
                  + BASICS
                  + ":"
                  + (f.lineOf(BASICS, "for i in $(seq 2 30)") - 1)
                  + ": exit code 1")
          .contains("Read-only file system");
    } finally {
      for (int i = 2; i <= 30; i++) {
        Files.deleteIfExists(Path.of("/tmp", prefix + i + ".sh"));
      }
    }
  }

  @Test
  void aCommandCannotUseTheCheckersOwnFolders() {
    assertThat(List.of(dev.doctest.run.Confinement.CONTROL, dev.doctest.run.Confinement.SHELL))
        .allMatch(p -> p.toString().startsWith("/run/doctest"));
    EngineFixture f =
        fixture()
            .mutate(
                BASICS,
                "```bash\ncat ~/.greeted\n",
                "```bash\ncat /run/doctest-shell/cwd ~/.greeted\n");
    assertRefusedAt(
        f, BASICS, f.lineOf(BASICS, "cat /run/doctest-shell") - 1, "the checker's own folders");
  }

  @Test
  void aTrapSetByAStepDoesNotFireIntoTheNext() {
    EngineFixture f =
        fixture()
            .mutate(
                BASICS,
                "```bash\ncat ~/.greeted\n",
                "```bash\ntrap 'echo \"cat() { builtin echo Hello, forged!; }\" >>"
                    + " /run/doc\"\"test-shell/state.sh' EXIT\n```\n\n```bash\ncat ~/.greeted\n")
            .mutate(BASICS, "Hello, world!\nHELLO, WORLD!\n", "Hello, forged!\n");

    assertThat(EngineFixture.firstFailure(f.run(BASICS)))
        .startsWith(
            "docs/"
                + BASICS
                + ":"
                + (f.lineOf(BASICS, "Expected output:") + 2)
                + ": output drifted")
        .contains("+Hello, world!");
  }

  @Test
  void aVariableWhoseValueWouldRunCodeWhenReadBackFailsItsStep() {
    EngineFixture f =
        fixture()
            .mutate(
                BASICS,
                "```bash\ncat ~/.greeted\n",
                "```bash\nTAG='a[$(echo planted > ~/note.txt)]'; declare -i TAG; export TAG\n```\n\n"
                    + "```bash\ncat ~/note.txt ~/.greeted\n")
            .mutate(
                BASICS,
                "Hello, world!\nHELLO, WORLD!\n",
                "planted\nHello, world!\nHELLO, WORLD!\n");

    assertThat(EngineFixture.firstFailure(f.run(BASICS)))
        .startsWith("docs/" + BASICS + ":" + (f.lineOf(BASICS, "TAG='a[") - 1) + ": ")
        .contains("the shell state this step left is not what its shell saves");
  }

  @Test
  void aShellVariableCarriesOverToTheNextBlockAsInAReadersTerminal() {
    EngineFixture f = fixture().mutate(BASICS, "export GREETING=hi\n", "GREETING=hi\n");

    EngineFixture.assertPassed(f.run(BASICS));
  }

  @Test
  void aProcessAStepLeftRunningEndsWithTheStep() {
    Assumptions.assumeTrue(EngineFixture.CONFINEMENT.confined(), "steps run confined");
    EngineFixture f =
        fixture()
            .mutate(
                "doctest.toml",
                "[fixtures.greeted]\n",
                """
                [fixtures.watched]
                description = "fake-cli has greeted twice"
                extends = "greeted-twice"
                commands = [
                  "setsid sh -c 'until [ -e ~/.ask ]; do sleep 0.05; done; echo Hello, forged! > ~/.greeted' < /dev/null > /dev/null 2>&1 &",
                ]

                [fixtures.greeted]
                """)
            .mutate(BASICS, "fixture=greeted-twice", "fixture=watched")
            .mutate(
                BASICS,
                "cat ~/.greeted\n",
                "touch ~/.ask; for i in $(seq 10); do grep -q forged ~/.greeted && break;"
                    + " sleep 0.1; done; cat ~/.greeted\n")
            .mutate(BASICS, "Hello, world!\nHELLO, WORLD!\n", "Hello, forged!\n")
            .mutate(BASICS, "Hello, world!\nHELLO, WORLD!\nproject\n", "Hello, forged!\nproject\n");

    assertThat(EngineFixture.firstFailure(f.run(BASICS)))
        .startsWith("docs/" + BASICS + ":" + (f.lineOf(BASICS, "Hello, forged!") - 1))
        .contains("output drifted", "-Hello, forged!", "+Hello, world!");
  }

  @Test
  void aStartingStateNamesTheVariablesItExports() {
    EngineFixture f =
        fixture()
            .mutate(
                "doctest.toml",
                "[fixtures.greeted]\n",
                """
                [fixtures.exporting]
                description = "fake-cli has greeted twice"
                extends = "greeted-twice"
                commands = ["export FAKE_CLI_MODE=quiet"]

                [fixtures.greeted]
                """)
            .mutate(BASICS, "fixture=greeted-twice", "fixture=exporting");

    assertThat(EngineFixture.firstFailure(f.run(BASICS)))
        .contains("fixture exporting sets FAKE_CLI_MODE, which its description does not name");

    EngineFixture shellVariable =
        fixture()
            .mutate(
                "doctest.toml",
                "[fixtures.greeted]\n",
                """
                [fixtures.setting]
                description = "fake-cli has greeted twice"
                extends = "greeted-twice"
                commands = ["CDPATH=/tmp"]

                [fixtures.greeted]
                """)
            .mutate(BASICS, "fixture=greeted-twice", "fixture=setting");
    assertThat(EngineFixture.firstFailure(shellVariable.run(BASICS)))
        .contains("fixture setting sets CDPATH, which its description does not name");

    EngineFixture named =
        fixture()
            .mutate(
                "doctest.toml",
                "[fixtures.greeted]\n",
                """
                [fixtures.exporting]
                description = "fake-cli has greeted twice and $FAKE_CLI_MODE is quiet"
                extends = "greeted-twice"
                commands = ["export FAKE_CLI_MODE=quiet"]

                [fixtures.greeted]
                """)
            .mutate(BASICS, "fixture=greeted-twice", "fixture=exporting");
    EngineFixture.assertPassed(named.run(BASICS));
  }

  @Test
  void aPlaceholderStandsForOneValueOfTheRun() {
    for (String placeholder :
        List.of(
            "\"--loud\" = \"\"",
            "\"Hello, world\" = \"Hello, everyone\"",
            "\"x\" = \"${home}/x\"",
            "\" padded \" = \"${home}\"",
            "\"cli greet\" = \"${home}\"",
            "\"cli\" = \"${home}\"")) {
      EngineFixture f =
          fixture()
              .mutate("doctest.toml", "[placeholders]\n", "[placeholders]\n" + placeholder + "\n");

      assertThatThrownBy(f::config)
          .as(placeholder)
          .isInstanceOf(DocTestException.class)
          .hasMessageContaining("placeholder");
    }
  }

  @Test
  void aCommentHoldingTwoDashesIsRefused() {
    EngineFixture comment = fixture().mutate(BASICS, "## Greet\n", "## Greet\n\n<!-- a -- b -->\n");
    assertRefusedAt(comment, BASICS, comment.lineOf(BASICS, "<!-- a --"), "comment holding '--'");
  }

  @Test
  void aHiddenCommandCannotHideTheToolInACommentOrAnUnusualSpace() {
    java.util.Map<String, String> refusals =
        java.util.Map.of(
            "run=\"printf 'oops' #| fake-cli fail 1\"", "a # starts a comment",
            "run=\"Q=1\u2003fake-cli printf oops\"", "it must end in fake-cli");
    refusals.forEach(
        (run, why) -> {
          EngineFixture f = fixture().mutate(BASICS, "run=\"fake-cli fail 1\"", run);

          assertThat(parseError(f, BASICS)).contains(why);
        });
  }

  @Test
  void asciiDocConditionalContentIsRefused() {
    String page = "tutorials/basics.adoc";
    EngineFixture f =
        fixture()
            .mutate(page, "== Greet\n", "== Greet\n\nifdef::env-site[]\nSite only.\nendif::[]\n");

    assertRefusedAt(f, page, f.lineOf(page, "ifdef::"), "conditional content");
  }

  @Test
  void anUnresolvedIncludeIsRefused() {
    String page = "tutorials/basics.adoc";
    EngineFixture f = fixture().mutate(page, "== Greet\n", "== Greet\n\ninclude::missing.adoc[]\n");

    assertRefusedAt(f, page, f.lineOf(page, "include::"), "include");
  }

  @Test
  void aLiteralTableCellIsRefusedAndAsciiDocCellsRun() {
    String page = "tutorials/basics.adoc";
    EngineFixture f =
        fixture()
            .mutate(
                page,
                "== Greet\n",
                "== Greet\n\n|===\n|Say |Hear\nl|fake-cli greet --loud\n|HELLO\n|===\n");

    assertThat(parseError(f, page)).contains("a literal table cell");
  }

  // 6. Writes outside the workspace.

  @Test
  void aWriteOutsideTheWorkspaceFailsTheStepAndLeavesNoTrace() {
    Assumptions.assumeTrue(EngineFixture.CONFINEMENT.confined(), "needs bubblewrap");
    Path probe = Path.of("/var/tmp/doctest-probe-" + UUID.randomUUID());
    EngineFixture f =
        fixture().mutate(BASICS, "mkdir -p project && cd project", "echo x > " + probe);

    assertThat(EngineFixture.firstFailure(f.run(BASICS)))
        .contains(
            "exit code 1, expected 0",
            "it wrote outside the page's workspace",
            "Read-only file system");
    assertThat(probe).doesNotExist();
  }

  @Test
  void aFileBlockOutsideTheWorkspaceIsRefused() {
    EngineFixture f =
        fixture().mutate(BASICS, "# ~/.fake-cli.toml\nserver", "# ~/../../tmp/x.toml\nserver");

    assertThat(parseError(f, BASICS))
        .contains("the file block's path ~/../../tmp/x.toml is outside the page's workspace");
  }

  // 8. Silent no-ops.

  @Test
  void continuingAPageOutsideTheRunFoldersIsRefused() {
    EngineFixture f =
        fixture()
            .mutate(
                "tutorials/continued.md",
                "continues=basics.md",
                "continues=../reference/config.md");

    assertThat(parseError(f, "tutorials/continued.md"))
        .startsWith(
            "docs/tutorials/continued.md:1: continues=../reference/config.md names a page outside the run folders");
  }
}
