package dev.doctest.parse;

import dev.doctest.model.Annotations;
import dev.doctest.model.Location;
import java.util.List;

/**
 * What a markup parser hands to the classifier.
 *
 * @param title the document title
 * @param annotations document-level annotations
 * @param blocks every code block in reading order
 * @param unrun places where the page shows readers code that no step could run (a {@code <pre>} in
 *     raw HTML, a literal table cell, conditional or unresolved content), each with what it is
 */
record ParsedMarkup(
    String title, Annotations annotations, List<RawBlock> blocks, List<Unrun> unrun) {

  /**
   * Code a reader sees that the doc-tests cannot run.
   *
   * @param location where it is
   * @param what what it is and what to do instead
   */
  record Unrun(Location location, String what) {}
}
