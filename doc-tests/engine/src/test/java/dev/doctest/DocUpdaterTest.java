package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.model.Step;
import dev.doctest.report.DocUpdater;
import dev.doctest.run.DocumentResult;
import dev.doctest.run.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Update mode rewrites drifted output blocks and nothing else. */
class DocUpdaterTest {
  @TempDir Path temp;

  private static List<DocUpdater.Update> updates(DocumentResult result) {
    List<DocUpdater.Update> updates = new ArrayList<>();
    for (StepResult r : result.steps()) {
      if (r.update().isPresent()) {
        Step.Command c = (Step.Command) r.step();
        updates.add(new DocUpdater.Update(c.expected().orElseThrow().location(), r.update().get()));
      }
    }
    return updates;
  }

  @Test
  void updateRestoresTheDocAndKeepsPlaceholdersAndExamples() throws Exception {
    EngineFixture f = new EngineFixture(temp);
    Path doc = f.doc("tutorials/basics.md");
    String original = Files.readString(doc);
    f.mutate("tutorials/basics.md", "/Users/you/project\nhi\n", "/Users/you/elsewhere\nhi\n");
    f.mutate(
        "tutorials/basics.md",
        "server = \"https://your-server.example.com\"\n```\n\n## Shell",
        "server = \"https://old.example.com\"\n```\n\n## Shell");
    f.mutate(
        "tutorials/basics.md",
        "Created item 01JQ8Z3V6K2M4N5P6Q7R8S9T0V\n```",
        "Created thing 01JQ8Z3V6K2M4N5P6Q7R8S9T0V\n```");

    DocumentResult drifted = f.updating().run("tutorials/basics.md");

    assertThat(updates(drifted)).hasSize(3);
    assertThat(Files.readString(doc)).isEqualTo(original);
    f.update = false;
    assertThat(f.run("tutorials/basics.md").passed()).isTrue();
  }

  @Test
  void asciiDocBlocksAreUpdatedBetweenTheirDelimiters() throws Exception {
    EngineFixture f = new EngineFixture(temp);
    Path doc = f.doc("tutorials/basics.adoc");
    String original = Files.readString(doc);
    f.mutate(
        "tutorials/basics.adoc", "----\nHello, world!\n----", "----\nHi there\nand more\n----");

    DocumentResult drifted = f.run("tutorials/basics.adoc");
    DocUpdater.apply(doc, updates(drifted));

    assertThat(Files.readString(doc)).isEqualTo(original);
  }
}
