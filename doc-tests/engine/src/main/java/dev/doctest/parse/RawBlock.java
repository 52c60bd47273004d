package dev.doctest.parse;

import dev.doctest.model.Annotations;
import dev.doctest.model.Location;

/**
 * A code block as either markup presents it, before classification.
 *
 * @param location the opening fence or delimiter line
 * @param contentLine the line of the block's first content line
 * @param heading the nearest heading above
 * @param language the block's language ({@code ""} when none)
 * @param content the text between the fences
 * @param annotations its annotations
 * @param textBefore the prose just before it (to spot "Expected output:")
 */
record RawBlock(
    Location location,
    int contentLine,
    String heading,
    String language,
    String content,
    Annotations annotations,
    String textBefore) {
  /** The language of a browser step's annotation, which stands in the page where a block would. */
  static final String BROWSER = "doctest-browser";
}
