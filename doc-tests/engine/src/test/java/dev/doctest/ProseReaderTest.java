package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.model.Source;
import dev.doctest.prose.CodeSpan;
import dev.doctest.prose.ProseReader;
import dev.doctest.prose.Sentence;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProseReaderTest {
  static final String MARKDOWN =
      """
      # Using fake-cli

      Run `fake-cli greet` with `--loud`. Then `--name`
      sets the name.

      - A list item with `--lowd` in it.

      | Option | Meaning |
      |---|---|
      | `--name` | The `fake-cli greet` name. |

      ## The `fake-cli shout` command

      > A note with `FAKE_HOME`.

      ```bash
      fake-cli greet --ignored
      ```

      `--old` (removed in 2.0) and `--new` (the default).

      Spans may break: `fake-cli
      greet --loud`.
      """;

  static final String ASCIIDOC =
      """
      = Using fake-cli

      Run `fake-cli greet` with `--loud`. Then `--name`
      sets the name.

      * A list item with `--lowd` in it.

      |===
      | Option | Meaning

      | `--name` | The `fake-cli greet` name.
      |===

      == The `fake-cli shout` command

      NOTE: A note with `FAKE_HOME`.

      [source,bash]
      ----
      fake-cli greet --ignored
      ----

      `--old` (removed in 2.0) and `+--new+` (the default).

      Spans may break: `fake-cli
      greet --loud`.
      """;

  static Stream<Arguments> pages() {
    return Stream.of(
        Arguments.of(
            "page.md",
            MARKDOWN,
            List.of(
                "3 [fake-cli greet, --loud]",
                "3 [--name]",
                "6 [--lowd]",
                "10 [--name, fake-cli greet]",
                "12 [fake-cli shout]",
                "14 [FAKE_HOME]",
                "20 [--old (marked), --new]",
                "22 [fake-cli greet --loud]")),
        Arguments.of(
            "page.adoc",
            ASCIIDOC,
            List.of(
                "3 [fake-cli greet, --loud]",
                "3 [--name]",
                "6 [--lowd]",
                "11 [--name, fake-cli greet]",
                "14 [fake-cli shout]",
                "16 [FAKE_HOME]",
                "23 [--old (marked), --new]",
                "25 [fake-cli greet --loud]")));
  }

  static List<Sentence> read(String name, String text) {
    Source source = new Source(Path.of("/docs/how-to").resolve(name), "docs/how-to/" + name);
    return new ProseReader(EngineFixture.ASCIIDOC).read(source, text);
  }

  /** A sentence as its line and its spans, marked ones flagged. */
  static String signature(Sentence s) {
    return s.at().line()
        + " "
        + s.spans().stream()
            .map(c -> c.text() + (c.marked() ? " (marked)" : ""))
            .collect(Collectors.joining(", ", "[", "]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void everyCodeSpanOfTheProseIsFoundInItsSentenceAtItsLine(
      String name, String text, List<String> expected) {
    List<String> found =
        read(name, text).stream()
            .filter(s -> !s.spans().isEmpty())
            .map(ProseReaderTest::signature)
            .toList();

    assertThat(found).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void eachSpanCarriesTheLineItStartsOn(String name, String text, List<String> expected) {
    List<CodeSpan> spans = read(name, text).stream().flatMap(s -> s.spans().stream()).toList();

    for (CodeSpan span : spans) {
      int line = span.at().line();
      String firstWord = span.text().split(" ")[0];
      assertThat(text.lines().toList().get(line - 1)).as(span.toString()).contains(firstWord);
    }
    assertThat(spans).hasSize(11);
  }

  @Test
  void codeBlocksAreNotProse() {
    assertThat(read("page.md", MARKDOWN))
        .flatMap(Sentence::spans)
        .extracting(CodeSpan::text)
        .doesNotContain("fake-cli greet --ignored")
        .noneMatch(t -> t.contains("--ignored"));
  }

  @Test
  void theSentenceTextKeepsItsSpansInBackticksAndLocatesEveryCharacter() {
    Sentence first = read("page.md", MARKDOWN).get(1);

    assertThat(first.text()).isEqualTo("Run `fake-cli greet` with `--loud`.");
    assertThat(first.at(first.text().indexOf("--loud")).line()).isEqualTo(3);
    Sentence next = read("page.md", MARKDOWN).get(2);
    assertThat(next.text()).isEqualTo("Then `--name`\nsets the name.");
    assertThat(next.at(next.text().indexOf("sets")).line()).isEqualTo(4);
  }

  @Test
  void eGDoesNotEndASentence() {
    List<Sentence> sentences = read("page.md", "Options of `fake-cli greet`, e.g. `--loud`.\n");

    assertThat(sentences).hasSize(1);
    assertThat(sentences.get(0).spans()).extracting(CodeSpan::text).hasSize(2);
  }

  @Test
  void onlyTheMarkerRightAfterASpanMarksIt() {
    List<CodeSpan> spans =
        read(
                "page.md",
                "`--a` (removed in 1.0), `--b` (renamed in 2.0: use `--c`), `--d` (no longer"
                    + " exists), `--e` (Does not exist), `--f` (was removed in 1.0), `--g` removed"
                    + " in 1.0.\n")
            .get(0)
            .spans();

    assertThat(spans)
        .extracting(s -> s.text() + "=" + s.marked())
        .containsExactly(
            "--a=true", "--b=true", "--c=false", "--d=true", "--e=true", "--f=false", "--g=false");
  }
}
