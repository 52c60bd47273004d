package dev.speckitty.cli.core;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one JSON mapper of the CLI, configured once (its creation is the costly part). */
public final class Json {
  private static final class Holder {
    static final ObjectMapper MAPPER =
        new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setDefaultPrettyPrinter(
                new DefaultPrettyPrinter()
                    .withSeparators(
                        Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
  }

  private static final class CompactHolder {
    static final ObjectMapper COMPACT =
        Holder.MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);
  }

  private Json() {}

  /** The mapper without indentation, for storage and the wire. */
  public static ObjectMapper compact() {
    return CompactHolder.COMPACT;
  }

  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }
}
