package dev.speckitty.doctest.parse;

import dev.speckitty.doctest.model.Directives;
import java.util.List;

/**
 * What a markup parser hands to the classifier.
 *
 * @param title the document title
 * @param directives document-level annotations
 * @param blocks every code block in reading order
 */
record ParsedMarkup(String title, Directives directives, List<RawBlock> blocks) {}
