package dev.doctest.prose;

import dev.doctest.model.Location;

/**
 * A file a page tells its reader to write (a file block, such as a config example), with the line
 * each of its lines has in the page.
 *
 * @param at the page line of the file's first line
 * @param path the path the page gives it ({@code ~/.config/tool/config.toml})
 * @param content its text
 * @param writtenToFail whether the page writes it on purpose to show a command failing on it (a
 *     throwaway example whose failure the run verifies): a vocabulary then does not call the file's
 *     refusal a mistake, but still reports names in it that do not exist
 */
public record FileBlock(Location at, String path, String content, boolean writtenToFail) {
  /** The page location of the file's line {@code n} (1-based). */
  public Location line(int n) {
    return at.atLine(at.line() + Math.max(0, n - 1));
  }
}
