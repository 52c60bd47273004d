package dev.speckitty.cli.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into memory up to {@link #MAX_BYTES} and no further: a larger answer
 * (announced by Content-Length, or found while reading) fails with {@link TooLarge} at once, so a
 * broken or hostile server cannot fill the CLI's memory.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
  /** The largest answer the CLI reads: 16 MB (a full pull page is well under 1 MB). */
  static final int MAX_BYTES = 16 << 20;

  /** The answer is larger than {@link #MAX_BYTES}. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("response body larger than " + MAX_BYTES + " bytes");
    }
  }

  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final boolean announcedTooLarge;
  private Flow.Subscription subscription;

  private CappedBody(boolean announcedTooLarge) {
    this.announcedTooLarge = announcedTooLarge;
  }

  /** The body handler: one capped subscriber per response. */
  static HttpResponse.BodyHandler<byte[]> handler() {
    return info ->
        new CappedBody(info.headers().firstValueAsLong("Content-Length").orElse(0) > MAX_BYTES);
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (announcedTooLarge) {
      tooLarge();
    } else {
      subscription.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (body.isDone()) {
      return;
    }
    for (ByteBuffer b : buffers) {
      if ((long) bytes.size() + b.remaining() > MAX_BYTES) {
        tooLarge();
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }
  }

  /**
   * Ends the body as too large, then stops the transfer: in that order, since cancelling may report
   * the broken transfer as an error at once, which must not win over the reason it was broken.
   */
  private void tooLarge() {
    body.completeExceptionally(new TooLarge());
    subscription.cancel();
  }

  @Override
  public void onError(Throwable error) {
    body.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    body.complete(bytes.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }
}
