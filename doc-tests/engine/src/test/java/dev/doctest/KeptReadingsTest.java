package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.model.DocumentSpec;
import dev.doctest.parse.AsciiDoc;
import dev.doctest.parse.DocumentParser;
import dev.doctest.world.WorldState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writers' loop keeps readings of AsciiDoc pages; a kept reading stands for its page only. */
class KeptReadingsTest {
  @TempDir static Path readings;
  private static AsciiDoc asciidoc;

  @TempDir Path temp;

  private static synchronized AsciiDoc asciidoc() {
    if (asciidoc == null) {
      asciidoc = new AsciiDoc(readings);
    }
    return asciidoc;
  }

  @AfterAll
  static void close() {
    if (asciidoc != null) {
      asciidoc.close();
    }
  }

  private DocumentSpec parse(EngineFixture f, Path page) {
    return new DocumentParser(
            f.config(), f.world.states().stream().map(WorldState::name).toList(), asciidoc())
        .parse(page);
  }

  private static List<Path> kept() throws IOException {
    try (Stream<Path> files = Files.list(readings)) {
      return files.filter(p -> p.toString().endsWith(".json")).toList();
    } catch (java.nio.file.NoSuchFileException none) {
      return List.of();
    }
  }

  /** Changes the title in every kept reading, so that a page read from one shows it. */
  private static void markKept() throws IOException {
    for (Path p : kept()) {
      Files.writeString(
          p, Files.readString(p).replace("\"Basics of fake-cli\"", "\"Read from the kept one\""));
    }
  }

  @Test
  void anUnchangedPageIsReadFromItsKeptReadingWithTheSameSteps() throws IOException {
    EngineFixture f = new EngineFixture(temp);
    Path page = f.doc("tutorials/basics.adoc");
    DocumentSpec read = parse(f, page);
    markKept();

    DocumentSpec again = parse(f, page);

    assertThat(again.title()).isEqualTo("Read from the kept one");
    assertThat(again.steps().stream().map(ParserTest::signature).toList())
        .containsExactlyElementsOf(read.steps().stream().map(ParserTest::signature).toList());
    assertThat(again.steps().stream().map(s -> s.location().line()).toList())
        .containsExactlyElementsOf(read.steps().stream().map(s -> s.location().line()).toList());
    assertThat(again.fixture()).isEqualTo(read.fixture()).contains("greeted-twice");
    assertThat(again.blocks()).isEqualTo(read.blocks());
  }

  @Test
  void aChangedPageIsReadAgain() throws IOException {
    EngineFixture f = new EngineFixture(temp);
    Path page = f.doc("tutorials/basics.adoc");
    parse(f, page);
    markKept();
    Files.writeString(page, Files.readString(page) + "\nOne more sentence.\n");

    DocumentSpec again = parse(f, page);

    assertThat(again.title()).isEqualTo("Basics of fake-cli");
  }

  @Test
  void aPageThatShowsTheDayOrTheReadersHomeIsReadEveryTime() throws IOException {
    for (String attribute : List.of("{LocalDate}", "{docyear}", "{user-home}")) {
      EngineFixture f = new EngineFixture(temp.resolve(attribute.replaceAll("\\W", "")));
      Path page = f.doc("tutorials/basics.adoc");
      Files.writeString(page, Files.readString(page) + "\nChecked: " + attribute + ".\n");
      List<Path> before = kept();

      parse(f, page);

      assertThat(kept()).as(attribute).containsExactlyInAnyOrderElementsOf(before);
    }
  }

  @Test
  void aPageThatIncludesAnotherFileIsReadEveryTime() throws IOException {
    EngineFixture f = new EngineFixture(temp);
    Path page = f.doc("tutorials/basics.adoc");
    Files.writeString(page.resolveSibling("extra.adoc"), "An included sentence.\n");
    Files.writeString(page, Files.readString(page) + "\ninclude::extra.adoc[]\n");
    List<Path> before = kept();

    parse(f, page);

    assertThat(kept()).containsExactlyInAnyOrderElementsOf(before);
  }
}
