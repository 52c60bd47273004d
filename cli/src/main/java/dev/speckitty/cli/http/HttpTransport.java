package dev.speckitty.cli.http;

import dev.speckitty.cli.core.Failure;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The one place that sends HTTP requests: applies the timeout, and turns the JDK's many network
 * exceptions into a {@link ServerUnreachableException} whose kind a user can understand.
 */
public final class HttpTransport {
  private final HttpClient client;
  private final Duration timeout;

  public HttpTransport(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public Duration timeout() {
    return timeout;
  }

  /** A request builder for {@code uri} with the timeout and the client's User-Agent set. */
  public HttpRequest.Builder request(java.net.URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("User-Agent", "spec-kitty/" + dev.speckitty.cli.core.VersionProvider.version());
  }

  /**
   * Sends the request and reads the whole body, all within one deadline: connecting, the headers
   * and every byte of the body must arrive within the timeout, so a server that stalls or trickles
   * its answer cannot hold a command. A body larger than 16 MB is not read: that ends the command
   * with its own message.
   */
  public HttpResponse<byte[]> send(HttpRequest request) throws ServerUnreachableException {
    CompletableFuture<HttpResponse<byte[]>> answer =
        client.sendAsync(request, CappedBody.handler());
    try {
      return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new ServerUnreachableException(Unreachable.TIMEOUT, e);
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new ServerUnreachableException(Unreachable.OTHER, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof CappedBody.TooLarge) {
        throw Failure.RESPONSE_TOO_LARGE.with("limit", CappedBody.MAX_BYTES >> 20);
      }
      throw new ServerUnreachableException(classify(cause), cause);
    }
  }

  static Unreachable classify(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
        return Unreachable.TIMEOUT;
      }
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return Unreachable.UNKNOWN_HOST;
      }
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return Unreachable.REFUSED;
      }
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SSLException
          && String.valueOf(t.getMessage()).contains("plaintext connection")) {
        return Unreachable.PLAIN_HTTP;
      }
      if (t instanceof SSLException
          && String.valueOf(t.getMessage()).contains("Unsupported or unrecognized SSL message")) {
        return Unreachable.PLAIN_HTTP;
      }
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (t instanceof EOFException
          || message.contains("reset")
          || message.contains("closed")
          || message.contains("eof")
          || message.contains("received no bytes")) {
        return Unreachable.RESET;
      }
    }
    return Unreachable.OTHER;
  }
}
