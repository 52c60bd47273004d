package dev.speckitty.mockserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The API contract ({@code docs/reference/server-api.openapi.yaml}, packaged with the server) as
 * the mock reads it at run time: the event envelope's fields come from there, not from a copy.
 */
public final class Contract {
  /** Where the build puts the contract on the classpath. */
  public static final String RESOURCE = "/mock-server/contract/server-api.openapi.yaml";

  private static final class Holder {
    static final JsonNode OPENAPI = read();
  }

  private Contract() {}

  private static JsonNode read() {
    try (InputStream in = Contract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("the API contract " + RESOURCE + " is not on the classpath");
      }
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fields every event must have, in the contract's order. */
  public static List<String> envelopeFields() {
    List<String> fields = new ArrayList<>();
    Holder.OPENAPI
        .path("components")
        .path("schemas")
        .path("Event")
        .path("required")
        .forEach(f -> fields.add(f.asText()));
    if (fields.isEmpty()) {
      throw new IllegalStateException("the contract's Event schema lists no required fields");
    }
    return fields;
  }

  /** A schema of the contract, e.g. {@code Event}. */
  public static JsonNode schema(String name) {
    return Holder.OPENAPI.path("components").path("schemas").path(name);
  }
}
