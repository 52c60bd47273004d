package dev.doctest.parse;

import dev.doctest.model.Annotations;
import java.util.List;

/**
 * What a markup parser hands to the classifier.
 *
 * @param title the document title
 * @param annotations document-level annotations
 * @param blocks every code block in reading order
 */
record ParsedMarkup(String title, Annotations annotations, List<RawBlock> blocks) {}
