package dev.doctest.model;

/**
 * A problem in a document — bad input, not a bug: reported as one line starting with {@code
 * file:line}, never as a stack trace.
 */
public final class DocTestException extends RuntimeException {
  private final Location location;

  public DocTestException(Location location, String message) {
    super(location + ": " + message);
    this.location = location;
  }

  public Location location() {
    return location;
  }
}
