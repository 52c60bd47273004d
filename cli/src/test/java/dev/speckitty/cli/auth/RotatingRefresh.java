package dev.speckitty.cli.auth;

import static dev.speckitty.cli.NamedTransformer.jsonAnswer;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.speckitty.cli.NamedTransformer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A refresh endpoint that rotates refresh tokens, as real servers do: the first use of a refresh
 * token gets new tokens, every later use of it gets 401. The first answer is held back until a
 * second refresh arrives (or {@link #HOLD} has passed), so two clients that both refresh are sure
 * to overlap; the 401 comes a moment after the first answer, as it did in the field.
 */
final class RotatingRefresh implements NamedTransformer {
  static final long HOLD = 2_000;

  final AtomicInteger calls = new AtomicInteger();
  private volatile CountDownLatch second = new CountDownLatch(1);
  private volatile CountDownLatch firstAnswered = new CountDownLatch(1);

  void reset() {
    calls.set(0);
    second = new CountDownLatch(1);
    firstAnswered = new CountDownLatch(1);
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    int call = calls.incrementAndGet();
    try {
      if (call == 1) {
        second.await(HOLD, TimeUnit.MILLISECONDS);
        firstAnswered.countDown();
        return jsonAnswer(serveEvent, 200, TokenStubs.tokens("new-access", "new-refresh"));
      }
      second.countDown();
      firstAnswered.await(HOLD, TimeUnit.MILLISECONDS);
      Thread.sleep(300);
      return jsonAnswer(serveEvent, 401, "{\"detail\": \"Token is blacklisted\"}");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String getName() {
    return "rotating-refresh";
  }
}
