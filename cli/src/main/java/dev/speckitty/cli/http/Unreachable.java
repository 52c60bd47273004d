package dev.speckitty.cli.http;

/**
 * Why a request got no HTTP answer at all. Each kind has the words {@code sync status --check}
 * shows.
 */
public enum Unreachable {
  REFUSED("connection refused"),
  TIMEOUT("timed out"),
  UNKNOWN_HOST("unknown host"),
  RESET("connection reset"),
  PLAIN_HTTP("plain HTTP at an https:// URL"),
  OTHER("network error");

  private final String words;

  Unreachable(String words) {
    this.words = words;
  }

  public String words() {
    return words;
  }
}
