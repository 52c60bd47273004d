package dev.speckitty.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class CappedBodyTest {
  /** A transfer that, like the HTTP client under load, reports its end as an error on cancel. */
  static final class BreaksOnCancel implements Flow.Subscription {
    HttpResponse.BodySubscriber<byte[]> subscriber;

    @Override
    public void request(long n) {}

    @Override
    public void cancel() {
      subscriber.onError(new IOException("connection closed"));
    }
  }

  private static Throwable failure(HttpResponse.BodySubscriber<byte[]> subscriber) {
    CompletableFuture<byte[]> body = subscriber.getBody().toCompletableFuture();
    assertThat(body).isCompletedExceptionally();
    return body.handle((ok, e) -> e).join();
  }

  @Test
  void anAnnouncedOversizedAnswerIsTooLargeEvenWhenCancellingBreaksTheTransfer() {
    HttpResponse.BodySubscriber<byte[]> subscriber =
        CappedBody.handler().apply(new Info(CappedBody.MAX_BYTES + 1L));
    BreaksOnCancel transfer = new BreaksOnCancel();
    transfer.subscriber = subscriber;

    subscriber.onSubscribe(transfer);

    assertThat(failure(subscriber)).isInstanceOf(CappedBody.TooLarge.class);
  }

  @Test
  void anAnswerFoundTooLargeWhileReadingIsTooLargeEvenWhenCancellingBreaksTheTransfer() {
    HttpResponse.BodySubscriber<byte[]> subscriber = CappedBody.handler().apply(new Info(0));
    BreaksOnCancel transfer = new BreaksOnCancel();
    transfer.subscriber = subscriber;
    subscriber.onSubscribe(transfer);

    subscriber.onNext(List.of(ByteBuffer.allocate(CappedBody.MAX_BYTES)));
    subscriber.onNext(List.of(ByteBuffer.allocate(1)));

    assertThat(failure(subscriber)).isInstanceOf(CappedBody.TooLarge.class);
  }

  /** Response headers with only a Content-Length (0: none announced). */
  record Info(long length) implements HttpResponse.ResponseInfo {
    @Override
    public int statusCode() {
      return 200;
    }

    @Override
    public java.net.http.HttpHeaders headers() {
      return java.net.http.HttpHeaders.of(
          length > 0
              ? java.util.Map.of("Content-Length", List.of(Long.toString(length)))
              : java.util.Map.of(),
          (a, b) -> true);
    }

    @Override
    public java.net.http.HttpClient.Version version() {
      return java.net.http.HttpClient.Version.HTTP_1_1;
    }
  }
}
