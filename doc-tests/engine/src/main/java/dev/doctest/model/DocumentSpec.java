package dev.doctest.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A parsed document: its steps in reading order and where it starts from.
 *
 * @param source the document
 * @param title its first heading
 * @param continues a document whose end state this one starts from
 * @param fixture a named starting state from the doc-test config, set up after the continued
 *     document's end state
 * @param steps the steps, in reading order
 * @param blocks how many code blocks the document has (for coverage)
 */
public record DocumentSpec(
    Source source,
    String title,
    Optional<Path> continues,
    Optional<String> fixture,
    List<Step> steps,
    int blocks) {

  /** The document's file. */
  public Path file() {
    return source.file();
  }

  /** Where the document starts (its first line), for problems of the whole document. */
  public Location location() {
    return source.at(1);
  }

  /** Code blocks that the doc-tests run or compare (everything but illustrative blocks). */
  public int blocksRun() {
    return steps.stream().filter(Step::runs).mapToInt(Step::blocks).sum();
  }
}
