package dev.doctest.report;

/** Opens {@link DocUpdater}'s excerpt rule to the tests of the engine's root package. */
public final class DocUpdaterAccess {
  private DocUpdaterAccess() {}

  public static String excerpt(String expected, String actual) {
    return DocUpdater.excerpt(expected, actual);
  }
}
