package dev.speckitty.cli.sync;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.speckitty.cli.NamedTransformer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds every request it is applied to until the test opens it (or {@link #MAX_WAIT} passes), and
 * tells the test when the first one has arrived: so a test knows a command is mid-request.
 */
final class Gate implements NamedTransformer {
  static final long MAX_WAIT = 15_000;

  private volatile CountDownLatch arrived = new CountDownLatch(1);
  private volatile CountDownLatch open = new CountDownLatch(1);

  void reset() {
    arrived = new CountDownLatch(1);
    open = new CountDownLatch(1);
  }

  /** Waits until a request is held at the gate. */
  void awaitArrival() throws InterruptedException {
    if (!arrived.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no request reached the gate");
    }
  }

  void open() {
    open.countDown();
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    arrived.countDown();
    try {
      open.await(MAX_WAIT, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return serveEvent.getResponseDefinition();
  }

  @Override
  public String getName() {
    return "gate";
  }
}
