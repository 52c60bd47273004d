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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The one place that sends HTTP requests: applies the timeout, and turns the JDK's many network
 * exceptions into a {@link ServerUnreachableException} whose kind a user can understand.
 *
 * <p>Close it when the command is done: the JDK's client keeps a selector thread waiting in native
 * code, and a JVM exiting with such a thread waits about 0.3 s for it to block — on every command
 * that reached the network.
 */
public final class HttpTransport implements AutoCloseable {
  /** The JDK client's {@code toString()} ends with its id, which names its selector thread. */
  private static final Pattern CLIENT_ID = Pattern.compile("\\((\\d+)\\)$");

  /** How long closing waits for the client's threads to end. */
  private static final Duration SELECTOR_STOP = Duration.ofMillis(500);

  private final HttpClient client;
  private final Duration timeout;
  private final List<Thread> selectorThreads;

  /** A transport that speaks HTTP and HTTPS. */
  public HttpTransport(Duration timeout) {
    this(timeout, true);
  }

  /**
   * A transport for one server: without {@code tls}, it speaks plain HTTP only and does not load
   * the trust store (about 0.1 s of each command). Redirects are never followed, so a plain-HTTP
   * server cannot lead it to a TLS one.
   */
  public HttpTransport(Duration timeout, boolean tls) {
    this.timeout = timeout;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER);
    if (!tls) {
      builder.sslContext(new NoTls()).sslParameters(new SSLParameters());
    }
    this.client = builder.build();
    this.selectorThreads = selectorThreadOf(client);
  }

  /**
   * Stops the client's threads, so that the process can exit at once. Java 21 and later shut the
   * client down at once ({@code close()} would wait for an exchange a stalled server still holds);
   * Java 17 has no such method, and its selector thread ends its loop when interrupted.
   */
  @Override
  public void close() {
    if (shutDownNow()) {
      return;
    }
    for (Thread thread : selectorThreads) {
      thread.interrupt();
      try {
        thread.join(SELECTOR_STOP.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Java 21+: {@code shutdownNow()}, then a short wait for the threads; false before 21. */
  private boolean shutDownNow() {
    try {
      HttpClient.class.getMethod("shutdownNow").invoke(client);
      HttpClient.class.getMethod("awaitTermination", Duration.class).invoke(client, SELECTOR_STOP);
      return true;
    } catch (NoSuchMethodException before21) {
      return false;
    } catch (ReflectiveOperationException e) {
      return true; // it only stops idle threads: nothing the user could act on
    }
  }

  /** The threads the client started, which {@link #close()} ends. */
  List<Thread> threads() {
    return List.copyOf(selectorThreads);
  }

  /**
   * The selector thread of {@code client}: its name holds the client's id (the JDK's own tests find
   * it the same way). None when the id cannot be told; the process then exits a little later.
   */
  private static List<Thread> selectorThreadOf(HttpClient client) {
    Matcher id = CLIENT_ID.matcher(client.toString());
    if (!id.find()) {
      return List.of();
    }
    String name = "HttpClient-" + id.group(1) + "-SelectorManager";
    Thread[] threads = new Thread[Thread.activeCount() + 16];
    int count = Thread.currentThread().getThreadGroup().enumerate(threads);
    List<Thread> found = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (threads[i].getName().equals(name)) {
        found.add(threads[i]);
      }
    }
    return List.copyOf(found);
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

  /** The TLS of a plain-HTTP transport: there is none, and any use of it is a bug. */
  private static final class NoTls extends SSLContext {
    NoTls() {
      super(new Spi(), null, "none");
    }

    private static final class Spi extends SSLContextSpi {
      private static IllegalStateException none() {
        return new IllegalStateException("This connection is for a plain-HTTP server only.");
      }

      @Override
      protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
        throw none();
      }

      @Override
      protected SSLSocketFactory engineGetSocketFactory() {
        throw none();
      }

      @Override
      protected SSLServerSocketFactory engineGetServerSocketFactory() {
        throw none();
      }

      @Override
      protected SSLEngine engineCreateSSLEngine() {
        throw none();
      }

      @Override
      protected SSLEngine engineCreateSSLEngine(String host, int port) {
        throw none();
      }

      @Override
      protected SSLSessionContext engineGetServerSessionContext() {
        throw none();
      }

      @Override
      protected SSLSessionContext engineGetClientSessionContext() {
        throw none();
      }
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
