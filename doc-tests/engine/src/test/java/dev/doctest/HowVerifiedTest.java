package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doctest.model.DocumentSpec;
import dev.doctest.report.HowVerified;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever hidden detail shapes what ran becomes a note readers see by the block. */
class HowVerifiedTest {
  @TempDir Path temp;

  @Test
  void eachHiddenDetailHasItsNote() {
    EngineFixture f = new EngineFixture(temp);
    DocumentSpec basics = f.parse("tutorials/basics.md");
    HowVerified how = new HowVerified(f.config(), Map.of("down", "while the server is down"));

    List<List<String>> notes = basics.steps().stream().map(how::of).toList();

    assertThat(notes)
        .contains(
            List.of(
                "Verified by running `fake-cli fail 1`.",
                "A throwaway example: it ran on a copy of this page's state, undone before the next step."),
            List.of(
                "Verified by running `fake-cli forget`.",
                "A throwaway example: it ran on a copy of this page's state, undone before the next step."),
            List.of("`01JQ8Z3V6K2M4N5P6Q7R8S9T0V` is an example: each run prints another ULID."),
            List.of("Not run: shows the Windows spelling, which the doc-tests cannot run."));
    assertThat(how.ofPage(basics, Optional.empty()))
        .containsExactly("Verified starting from a state where fake-cli has greeted twice.");
  }

  @Test
  void aStateAndAnExcerptAreDisclosed() {
    EngineFixture f =
        new EngineFixture(temp)
            .mutate(
                "tutorials/basics.md",
                "run=\"fake-cli fail 1\" exit=1",
                "run=\"fake-cli fail 1\" exit=1 scenario=down match=contains");
    HowVerified how = new HowVerified(f.config(), Map.of("down", "while the server is down"));

    List<List<String>> notes =
        f.parse("tutorials/basics.md").steps().stream().map(how::of).toList();

    assertThat(notes)
        .contains(
            List.of(
                "Verified by running `fake-cli fail 1` while the server is down.",
                "A throwaway example: it ran on a copy of this page's state, undone before the next step.",
                "Checked as an excerpt: these lines appear together in the output."));
  }

  @Test
  void aFailingCommandWhoseOutputIsHiddenSaysItFails() {
    EngineFixture f =
        new EngineFixture(temp)
            .mutate(
                "tutorials/basics.md",
                "run=\"fake-cli fail 1\" exit=1",
                "run=\"fake-cli fail 1\" exit=1 hides-output=\"it is long\"");
    HowVerified how = new HowVerified(f.config(), Map.of());

    List<List<String>> notes =
        f.parse("tutorials/basics.md").steps().stream().map(how::of).toList();

    assertThat(notes)
        .contains(
            List.of(
                "Verified by running `fake-cli fail 1`.",
                "A throwaway example: it ran on a copy of this page's state, undone before the next step.",
                "Its output is not shown (it is long); verified that it fails with exit code 1."));
  }

  @Test
  void aFileWhoseBlockDoesNotShowItsPathSaysWhereItWasWritten() {
    EngineFixture f =
        new EngineFixture(temp)
            .mutate(
                "tutorials/basics.md",
                "```toml\n# ~/.fake-cli.toml\n",
                "<!-- doctest: file path=~/.fake-cli.toml -->\n```toml\n");
    HowVerified how = new HowVerified(f.config(), Map.of());

    List<List<String>> notes =
        f.parse("tutorials/basics.md").steps().stream().map(how::of).toList();

    assertThat(notes)
        .contains(List.of("Written to `~/.fake-cli.toml` (the block does not show where)."));
    assertThat(new EngineFixture(temp.resolve("unchanged")).parse("tutorials/basics.md").steps())
        .map(how::of)
        .doesNotContain(List.of("Written to `~/.fake-cli.toml` (the block does not show where)."));
  }

  @Test
  void throwawayStepsSayOnceThatTheyRanOnACopyAndLaterOnesThatTheyShareIt() throws Exception {
    EngineFixture f = new EngineFixture(temp);
    Files.writeString(
        f.doc("how-to/broken.md"),
        """
                # Broken settings

                <!-- doctest: file isolated -->
                ```toml
                # ~/settings.toml
                greeting =
                ```

                <!-- doctest: exit=2 isolated -->
                ```bash
                cat ~/settings.toml
                ```

                ```
                greeting =
                ```

                <!-- doctest: file isolated -->
                ```toml
                # ~/settings.toml
                greeting = 1
                ```
                """);
    HowVerified how = new HowVerified(f.config(), Map.of());

    List<List<String>> notes = how.of(f.parse("how-to/broken.md").steps());

    String throwaway =
        "A throwaway example: it ran on a copy of this page's state, undone before the next step.";
    String sameCopy =
        "A throwaway example: it ran on the same copy as the example before it, undone before the"
            + " next step.";
    assertThat(notes).containsExactly(List.of(), List.of(throwaway), List.of(sameCopy));
  }

  @Test
  void aContinuedPageSaysWhereItStarts() {
    EngineFixture f = new EngineFixture(temp);
    HowVerified how = new HowVerified(f.config(), Map.of());

    assertThat(how.ofPage(f.parse("tutorials/continued.md"), Optional.of("Basics of fake-cli")))
        .containsExactly("Verified after the steps of “Basics of fake-cli”, in the same terminal.");
  }
}
