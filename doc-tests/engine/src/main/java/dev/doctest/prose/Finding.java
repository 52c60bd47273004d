package dev.doctest.prose;

import dev.doctest.model.Location;

/**
 * Something a page says that is not so, printed as {@code docs/how-to/x.md:34: message} — the form
 * editors and CI logs link to.
 *
 * @param at where the page says it
 * @param message what is wrong and, where there is one, the closest real name
 */
public record Finding(Location at, String message) {
  @Override
  public String toString() {
    return at + ": " + message;
  }
}
