package dev.speckitty.cli.config;

import dev.speckitty.cli.core.CliException;
import dev.speckitty.cli.core.Failure;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A team server's base URL that is safe to send a password to: {@code https://}, or {@code http://}
 * only to this machine (the local sandbox and tests).
 *
 * @param value the URL as configured, without a trailing slash
 */
public record ServerUrl(String value) {
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

  /** A scheme and its {@code ://}, as every usable URL starts. */
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");

  /**
   * A mistyped {@code http://} or {@code https://}: {@code https//}, {@code http:}, {@code
   * https:/}.
   */
  private static final Pattern MISTYPED_HTTP = Pattern.compile("(?i)https?(:/*|/+)");

  /** Validates a configured URL; {@code origin} names where it came from in error messages. */
  public static ServerUrl parse(String raw, String origin) {
    String trimmed = raw.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (!trimmed.isEmpty() && !SCHEME.matcher(trimmed).matches()) {
      withScheme(trimmed)
          .ifPresent(
              example -> {
                throw Failure.URL_WITHOUT_SCHEME.with(
                    "url", raw, "origin", origin, "example", example);
              });
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw invalid(raw, origin, "it is not a valid URL");
    }
    String scheme = uri.getScheme();
    if (scheme == null || uri.getHost() == null) {
      throw invalid(raw, origin, "write it in full, e.g. https://your-server.example.com");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      throw invalid(raw, origin, "the port must be from 1 to 65535");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(raw, origin, "a server URL has no ?query or #fragment");
    }
    scheme = scheme.toLowerCase(java.util.Locale.ROOT);
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw Failure.INSECURE_URL.with("url", trimmed, "origin", origin);
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid(raw, origin, "it must start with https://");
    }
    return new ServerUrl(trimmed);
  }

  /**
   * {@code raw} with the scheme it lacks — {@code http://} for this machine, else {@code https://}
   * — when that makes a URL with a host: {@code 127.0.0.1:8765} becomes {@code
   * http://127.0.0.1:8765}.
   */
  private static java.util.Optional<String> withScheme(String raw) {
    Matcher mistyped = MISTYPED_HTTP.matcher(raw);
    String rest = mistyped.lookingAt() ? raw.substring(mistyped.end()) : raw;
    try {
      URI https = new URI("https://" + rest);
      if (https.getHost() == null) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of((isLoopback(https.getHost()) ? "http://" : "https://") + rest);
    } catch (URISyntaxException e) {
      return java.util.Optional.empty();
    }
  }

  /** The absolute URI of an API path such as {@code /api/v1/token/}. */
  public URI resolve(String path) {
    return URI.create(value + path);
  }

  /** Whether the server is reached over TLS ({@code https://}). */
  public boolean isHttps() {
    return value.regionMatches(true, 0, "https://", 0, 8);
  }

  /** Whether the server runs on this machine: localhost, 127.0.0.0/8 or [::1]. */
  public boolean isLocal() {
    return isLoopback(URI.create(value).getHost());
  }

  /**
   * This URL with {@code http://}: what a local server that answers in plain HTTP is reached at
   * (the sandbox prints {@code http://127.0.0.1:8765}; a reader may well write {@code https://}).
   */
  public ServerUrl withPlainHttp() {
    return new ServerUrl(value.replaceFirst("(?i)^https://", "http://"));
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(java.util.Locale.ROOT);
    return h.equals("localhost")
        || h.equals("[::1]")
        || h.equals("::1")
        || IPV4_LOOPBACK.matcher(h).matches();
  }

  private static CliException invalid(String raw, String origin, String why) {
    return Failure.INVALID_URL.with("url", raw, "origin", origin, "why", why);
  }

  @Override
  public String toString() {
    return value;
  }
}
