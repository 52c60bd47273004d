package dev.speckitty.cli.http;

import java.io.IOException;

/** The server gave no HTTP answer: refused, timed out, unknown host, connection reset. */
public final class ServerUnreachableException extends IOException {
  private final Unreachable kind;

  public ServerUnreachableException(Unreachable kind, Throwable cause) {
    super(kind.words(), cause);
    this.kind = kind;
  }

  public Unreachable kind() {
    return kind;
  }
}
