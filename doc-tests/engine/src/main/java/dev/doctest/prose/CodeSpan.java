package dev.doctest.prose;

import dev.doctest.model.Location;

/**
 * An inline code span of a page's prose, as the reader sees it.
 *
 * @param at the line it starts on
 * @param text its text, without the backticks
 * @param offset where it starts (its opening backtick) in its {@link Sentence#text()}
 * @param marked whether the page says right after it that the name does not exist (any more), with
 *     a marker such as {@code (removed in 2.0)}: see {@link Marker}
 */
public record CodeSpan(Location at, String text, int offset, boolean marked) {}
