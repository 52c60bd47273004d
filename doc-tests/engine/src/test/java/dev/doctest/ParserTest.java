package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doctest.model.DocTestException;
import dev.doctest.model.DocumentSpec;
import dev.doctest.model.Expected;
import dev.doctest.model.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParserTest {
  @TempDir Path temp;

  /** A step without its location: what must be equal across markups. */
  static String signature(Step s) {
    if (s instanceof Step.Command c) {
      return kindAndFields(
          "command",
          c.heading(),
          c.script(),
          c.expected().map(ParserTest::expected).orElse("-"),
          c.options(),
          "hidden=" + c.hidden());
    }
    if (s instanceof Step.Interactive i) {
      return kindAndFields(
          "interactive", i.heading(), i.script(), expected(i.transcript()), i.options());
    }
    if (s instanceof Step.WriteFile w) {
      return kindAndFields("file", w.heading(), w.path(), w.content());
    }
    Step.Illustrative i = (Step.Illustrative) s;
    return kindAndFields("illustrative", i.heading(), i.reason());
  }

  /** {@code kind[field|field|…]}. */
  private static String kindAndFields(String kind, Object... fields) {
    return Arrays.stream(fields)
        .map(String::valueOf)
        .collect(Collectors.joining("|", kind + "[", "]"));
  }

  private static String expected(Expected e) {
    return e.text() + "/" + e.mode() + "/" + e.varying();
  }

  @Test
  void markdownAndAsciiDocYieldIdenticalSteps() {
    EngineFixture f = new EngineFixture(temp);

    DocumentSpec md = f.parse("tutorials/basics.md");
    DocumentSpec adoc = f.parse("tutorials/basics.adoc");

    assertThat(adoc.steps()).hasSameSizeAs(md.steps());
    assertThat(adoc.steps().stream().map(ParserTest::signature).toList())
        .containsExactlyElementsOf(md.steps().stream().map(ParserTest::signature).toList());
    assertThat(adoc.title()).isEqualTo(md.title()).isEqualTo("Basics of fake-cli");
    assertThat(adoc.fixture()).isEqualTo(md.fixture()).contains("greeted-twice");
    assertThat(adoc.blocks()).isEqualTo(md.blocks()).isEqualTo(21);
    assertThat(md.blocksRun()).isEqualTo(20);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tutorials/basics.md", "tutorials/basics.adoc"})
  void plainBlocksClassifyThemselves(String doc) {
    List<Step> steps = new EngineFixture(temp).parse(doc).steps();

    assertThat(steps)
        .extracting(s -> s.getClass().getSimpleName())
        .containsExactly(
            "Command",
            "Command",
            "WriteFile",
            "Command",
            "Command",
            "Command",
            "Interactive",
            "Command",
            "Command",
            "Command",
            "Command",
            "Command",
            "Illustrative");
    Step.Command greet = (Step.Command) steps.get(0);
    assertThat(greet.heading()).isEqualTo("Greet");
    assertThat(greet.expected().orElseThrow().text()).isEqualTo("Hello, world!");
    Step.Command hidden = (Step.Command) steps.get(8);
    assertThat(hidden.hidden()).isTrue();
    assertThat(hidden.script()).isEqualTo("fake-cli fail 1");
    assertThat(hidden.options().exitCode()).isEqualTo(1);
    assertThat(((Step.Command) steps.get(10)).options().isolated()).isTrue();
  }

  @Test
  void locationsAreTheOpeningFenceLines() throws Exception {
    EngineFixture f = new EngineFixture(temp);
    List<Step> md = f.parse("tutorials/basics.md").steps();
    List<Step> adoc = f.parse("tutorials/basics.adoc").steps();

    assertThat(md.get(0).location().line())
        .isEqualTo(f.lineOf("tutorials/basics.md", "fake-cli greet") - 1);
    List<String> adocLines = Files.readAllLines(f.doc("tutorials/basics.adoc"));
    assertThat(adocLines.get(adoc.get(0).location().line() - 1)).isEqualTo("----");
    assertThat(adocLines.get(adoc.get(0).location().line())).isEqualTo("fake-cli greet");
  }

  private DocTestException parseError(String markdown) throws Exception {
    EngineFixture f = new EngineFixture(temp);
    Files.writeString(f.doc("tutorials/bad.md"), markdown);
    try {
      f.parse("tutorials/bad.md");
    } catch (DocTestException e) {
      return e;
    }
    throw new AssertionError("no error for:\n" + markdown);
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of(
            "unterminated fence", "# T\n\n```bash\necho hi\n", 3, "unterminated code fence"),
        Arguments.of(
            "output without a command",
            "# T\n\nExpected output:\n\n```\nhi\n```\n",
            5,
            "output block has no command before it"),
        Arguments.of(
            "unknown annotation",
            "# T\n\n<!-- doctest: exitcode=1 -->\n```bash\necho hi\n```\n",
            3,
            "unknown annotation 'exitcode'"),
        Arguments.of(
            "missing fixture",
            "<!-- doctest-document: fixture=nope -->\n# T\n",
            1,
            "missing fixture 'nope'"),
        Arguments.of(
            "duplicate file block",
            "# T\n\n```toml\n# ~/a.toml\nx = 1\n```\n\n```toml\n# ~/a.toml\nx = 2\n```\n",
            8,
            "duplicate file block for ~/a.toml (also at line 3)"),
        Arguments.of(
            "unclassified block",
            "# T\n\nSome code:\n\n```python\nprint(1)\n```\n",
            5,
            "unclassified code block (python)"),
        Arguments.of(
            "json right after a command",
            "# T\n\n```bash\necho '{}'\n```\n\n```json\n{}\n```\n",
            7,
            "unclassified code block (json): it follows a command — if it is that command's output,"
                + " mark it <!-- doctest: output -->"),
        Arguments.of(
            "config without a path",
            "# T\n\nWrite this:\n\n```toml\nx = 1\n```\n",
            5,
            "unclassified code block (toml): if the reader writes it to a file, name the file"),
        Arguments.of(
            "illustrative without reason",
            "# T\n\n<!-- doctest: illustrative -->\n```bash\nrm -rf /\n```\n",
            4,
            "illustrative blocks need a reason"),
        Arguments.of(
            "vary with an unknown pattern",
            "# T\n\n```bash\necho 1\n```\n\n<!-- doctest: vary=1=SECONDS -->\n```\n1\n```\n",
            8,
            "vary uses unknown pattern SECONDS"),
        Arguments.of(
            "unknown scenario",
            "# T\n\n<!-- doctest: scenario=meltdown -->\n```bash\necho hi\n```\n",
            4,
            "unknown scenario 'meltdown' (known: normal, down, broken)"),
        Arguments.of(
            "double dash in a comment",
            "# T\n\n<!-- doctest: run=\"x --force\" -->\n```\nhi\n```\n",
            3,
            "an HTML comment cannot contain '--'"),
        Arguments.of(
            "annotation before a heading",
            "# T\n\n<!-- doctest: exit=1 -->\n\n## Next\n",
            3,
            "annotation is not followed by a code block"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsOneErrorAtFileAndLine(String name, String markdown, int line, String message)
      throws Exception {
    DocTestException e = parseError(markdown);

    assertThat(e.getMessage()).startsWith("docs/tutorials/bad.md:" + line + ": ").contains(message);
  }

  @Test
  void continuesMustNameAnExistingDocument() throws Exception {
    DocTestException e = parseError("<!-- doctest-document: continues=nowhere.md -->\n# T\n");

    assertThat(e.getMessage())
        .isEqualTo("docs/tutorials/bad.md:1: continues=nowhere.md: no such document");
  }

  @Test
  void unterminatedAsciiDocBlockIsAnError() throws Exception {
    EngineFixture f = new EngineFixture(temp);
    Files.writeString(f.doc("tutorials/bad.adoc"), "= T\n\n[source,bash]\n----\necho hi\n");

    assertThatThrownBy(() -> f.parse("tutorials/bad.adoc"))
        .isInstanceOf(DocTestException.class)
        .hasMessageStartingWith("docs/tutorials/bad.adoc:4: ")
        .hasMessageContaining("unterminated");
  }

  @Test
  void referencePagesAreNotClassified() {
    assertThat(new EngineFixture(temp).parse("reference/config.md").steps()).isEmpty();
  }
}
