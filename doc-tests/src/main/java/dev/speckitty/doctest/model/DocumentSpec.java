package dev.speckitty.doctest.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A parsed document: its steps in reading order and where it starts from.
 *
 * @param file the document
 * @param title its first heading
 * @param continues a document whose end state this one starts from (run first, same sandbox)
 * @param fixture a named starting state from the doc-test config
 * @param steps the steps, in reading order
 * @param blocks how many code blocks the document has (for coverage)
 */
public record DocumentSpec(
    Path file,
    String title,
    Optional<Path> continues,
    Optional<String> fixture,
    List<Step> steps,
    int blocks) {

  /** Code blocks that the doc-tests run or compare (everything but illustrative blocks). */
  public int blocksRun() {
    return steps.stream().filter(Step::runs).mapToInt(Step::blocks).sum();
  }
}
