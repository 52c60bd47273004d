package dev.doctest.run;

import dev.doctest.model.DocumentSpec;
import dev.doctest.model.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a run may keep page states and start from kept ones: the writers' loop keeps the state
 * before each step and at each page's end, so a rerun starts a page from the end of the pages it
 * continues (not running them again) or from the step a writer is working on. A run of the whole
 * docs set keeps nothing.
 */
public interface Checkpoints {
  /** Keeps nothing, offers nothing. */
  Checkpoints NONE = new Checkpoints() {};

  /**
   * A kept state the page can start from instead of from the pages it continues: their end, or the
   * state before {@code firstStep}; empty to run the page from its start.
   *
   * @param chain the pages {@code spec} continues, nearest first
   * @param firstStep the index of the first step to run (0: the page's start)
   */
  default Optional<Snapshot> start(DocumentSpec spec, List<Path> chain, int firstStep) {
    return Optional.empty();
  }

  /**
   * Told that the state {@link #start} offered for {@code spec} cannot be used, and why: the page
   * runs from its start, after the pages it continues.
   */
  default void unusable(DocumentSpec spec, int firstStep, String why) {}

  /** Told of the state before each step that runs (from a worker thread). */
  default void before(DocumentSpec spec, List<Path> chain, int index, Step step, Stage stage) {}

  /** Told of a page's end state when it passed (from a worker thread). */
  default void ended(DocumentSpec spec, List<Path> chain, Stage stage) {}
}
