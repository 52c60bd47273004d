package dev.speckitty.mockserver;

import com.github.tomakehurst.wiremock.http.Request;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/**
 * Request bodies as JSON text: WireMock already inflates {@code Content-Encoding: gzip} bodies, so
 * this only inflates what still starts with the gzip magic bytes.
 */
final class Gzip {
  private Gzip() {}

  static byte[] bodyOf(Request request) throws IOException {
    byte[] body = request.getBody();
    boolean gzipped = body.length > 1 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b;
    if (!gzipped) {
      return body;
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }
}
