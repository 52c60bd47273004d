package dev.doctest.report;

import dev.doctest.config.DocTestConfig;
import dev.doctest.model.DocumentSpec;
import dev.doctest.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The short notes a site shows readers by a block or at the top of a page: every hidden detail that
 * shaped what ran — a command the page does not show, a state the world was put in, a throwaway
 * copy, an excerpt, example values, a starting state. Nothing that shapes a result is invisible.
 */
public final class HowVerified {
  /** The note of a step of a throwaway example. */
  static final String THROWAWAY =
      "A throwaway example: it ran on a copy of this page's state, undone before the next step.";

  /** The note of a later example in a run of throwaway examples: they share one copy. */
  static final String SAME_COPY =
      "A throwaway example: it ran on the same copy as the example before it, undone before the"
          + " next step.";

  private final DocTestConfig config;
  private final Map<String, String> stateNotes;

  /**
   * @param stateNotes the world's states by name → how a note says it ({@code while the server is
   *     down})
   */
  public HowVerified(DocTestConfig config, Map<String, String> stateNotes) {
    this.config = config;
    this.stateNotes = stateNotes;
  }

  /**
   * The notes for each of a page's steps, in order. Consecutive throwaway steps run on one copy of
   * the page's state (undone at the next step that is not throwaway), so the notes say exactly
   * that: a file and the step that reads it say it once, after the step; a later example of the
   * same run says it ran on the same copy as the one before it.
   */
  public List<List<String>> of(List<Step> steps) {
    List<List<String>> notes = new ArrayList<>();
    boolean copyNoted = false; // whether a step of the current run of throwaway steps said so
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      List<String> own = new ArrayList<>(of(step));
      if (!step.isolated()) {
        copyNoted = copyNoted && !step.runs();
      } else if (step instanceof Step.WriteFile
          && i + 1 < steps.size()
          && steps.get(i + 1).isolated()) {
        own.remove(THROWAWAY); // the step that reads the file says it
      } else if (own.contains(THROWAWAY)) {
        if (copyNoted) {
          own.set(own.indexOf(THROWAWAY), SAME_COPY);
        }
        copyNoted = true;
      }
      notes.add(own);
    }
    return notes;
  }

  /** The notes for one step, in reading order; none for a plain command shown with its output. */
  public List<String> of(Step step) {
    List<String> notes = new ArrayList<>();
    if (step instanceof Step.Command c) {
      notes.addAll(run(c.options(), c.hidden() ? Optional.of(c.script()) : Optional.empty()));
      c.expected().ifPresent(e -> notes.addAll(expected(e)));
      c.options()
          .hidesOutput()
          .ifPresent(
              why ->
                  notes.add(
                      "Its output is not shown ("
                          + why
                          + "); verified that it "
                          + (c.options().exitCode() == 0
                              ? "succeeds."
                              : "fails with exit code " + c.options().exitCode() + ".")));
    } else if (step instanceof Step.Interactive i) {
      notes.addAll(run(i.options(), Optional.empty()));
      notes.addAll(expected(i.transcript()));
    } else if (step instanceof Step.Illustrative i) {
      notes.add("Not run: " + i.reason() + ".");
    } else if (step instanceof Step.Browse b) {
      StringBuilder note =
          new StringBuilder("Verified in a browser: opened `").append(b.url()).append('`');
      b.see().forEach(t -> note.append(", saw “").append(t).append('”'));
      b.counts()
          .forEach(
              c ->
                  note.append(", counted ")
                      .append(c.expected())
                      .append(" × `")
                      .append(c.selector())
                      .append('`'));
      notes.add(note + ".");
      b.screenshot().ifPresent(p -> notes.add("The image " + p + " was taken by this build."));
    } else if (step instanceof Step.WriteFile w) {
      if (!w.showsItsPath()) {
        notes.add("Written to `" + w.path() + "` (the block does not show where).");
      }
      if (w.isolated()) {
        notes.add(THROWAWAY);
      }
    }
    return notes;
  }

  private List<String> run(Step.Options options, Optional<String> hiddenScript) {
    String state =
        options.scenario().map(s -> stateNotes.getOrDefault(s, "in state " + s)).orElse("");
    StringBuilder note = new StringBuilder("Verified");
    hiddenScript.ifPresent(script -> note.append(" by running `").append(script).append('`'));
    if (!state.isEmpty()) {
      note.append(' ').append(state);
    }
    List<String> notes = new ArrayList<>();
    if (note.length() > "Verified".length()) {
      notes.add(note + ".");
    }
    if (options.isolated()) {
      notes.add(THROWAWAY);
    }
    return notes;
  }

  private static List<String> expected(dev.doctest.model.Expected e) {
    List<String> notes = new ArrayList<>();
    if (e.mode() == dev.doctest.model.Expected.MatchMode.CONTAINS) {
      notes.add("Checked as an excerpt: these lines appear together in the output.");
    }
    e.varying()
        .forEach(
            (example, pattern) ->
                notes.add(
                    "`" + example + "` is an example: each run prints another " + pattern + "."));
    return notes;
  }

  /**
   * The notes for a whole page: where it starts from.
   *
   * @param continuedTitle the title of the page it continues, if it continues one
   */
  public List<String> ofPage(DocumentSpec spec, Optional<String> continuedTitle) {
    List<String> notes = new ArrayList<>();
    continuedTitle.ifPresent(
        t -> notes.add("Verified after the steps of “" + t + "”, in the same terminal."));
    spec.fixture()
        .map(config.fixtures()::get)
        .ifPresent(f -> notes.add("Verified starting from a state where " + f.description() + "."));
    return notes;
  }
}
