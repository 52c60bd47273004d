package dev.doctest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.doctest.model.Annotations;
import dev.doctest.model.Location;
import dev.doctest.model.Source;
import dev.doctest.report.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.asciidoctor.Asciidoctor;

/**
 * AsciiDoc pages as read before, kept between runs of the writers' loop: reading one starts
 * Asciidoctor (JRuby), which costs seconds though the page has not changed — say, while the tool
 * under test changes. A kept reading is used only for the same text of the same file, read by the
 * same engine and the same Asciidoctor (their jars, by content); a page that includes other files
 * is read again every time. The build's own runs keep none.
 */
final class KeptReadings {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Attributes whose value comes from the moment or the machine of reading (the day, the time, the
   * reader's home folder): a kept reading would show another. Asciidoctor ignores their case.
   */
  private static final Pattern DATES =
      Pattern.compile(
          "\\{((local|doc)(date|time|datetime|year)|user-home)}", Pattern.CASE_INSENSITIVE);

  private final Path dir;
  private String readers;

  KeptReadings(Path dir) {
    this.dir = dir;
  }

  /** The reading of {@code text}: kept, or made by {@code read} and kept. */
  ParsedMarkup read(Source source, String text, Supplier<ParsedMarkup> read) {
    if (text.contains("include::") || DATES.matcher(text).find()) {
      return read.get();
    }
    Path kept = dir.resolve(key(source, text) + ".json");
    if (Files.isRegularFile(kept)) {
      try {
        return fromJson(JSON.readTree(kept.toFile()), source);
      } catch (IOException | RuntimeException unreadable) {
        // Read the page again, and keep that reading instead.
      }
    }
    ParsedMarkup markup = read.get();
    try {
      Files.createDirectories(dir);
      Path next = Files.createTempFile(dir, "reading-", ".tmp");
      Files.write(next, JSON.writeValueAsBytes(toJson(markup)));
      Files.move(next, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return markup;
  }

  private String key(Source source, String text) {
    return Fingerprint.ofText(
        String.join(
            "\0", readers(), source.file().toAbsolutePath().toString(), source.shown(), text));
  }

  /**
   * What reads a page: this engine's code, AsciidoctorJ's API and its Asciidoctor (the jar with the
   * Ruby gem), by content; JRuby by its version and source revision.
   */
  private synchronized String readers() {
    if (readers == null) {
      readers =
          String.join(
              " ",
              Fingerprint.ofCodeOf(KeptReadings.class),
              Fingerprint.ofCodeOf(Asciidoctor.class),
              codeOf("org.asciidoctor.jruby.AsciidoctorJRuby"),
              constant("org.jruby.runtime.Constants", "VERSION"),
              constant("org.jruby.runtime.Constants", "REVISION"));
    }
    return readers;
  }

  private static String codeOf(String className) {
    try {
      return Fingerprint.ofCodeOf(Class.forName(className));
    } catch (ClassNotFoundException e) {
      return "no " + className;
    }
  }

  private static String constant(String className, String field) {
    try {
      return String.valueOf(Class.forName(className).getField(field).get(null));
    } catch (ReflectiveOperationException e) {
      return "no " + className + "." + field;
    }
  }

  static ObjectNode toJson(ParsedMarkup markup) {
    ObjectNode json = JSON.createObjectNode();
    json.put("title", markup.title());
    json.set("annotations", toJson(markup.annotations()));
    ArrayNode blocks = json.putArray("blocks");
    for (RawBlock b : markup.blocks()) {
      ObjectNode block = blocks.addObject();
      block.put("line", b.location().line());
      block.put("contentLine", b.contentLine());
      block.put("heading", b.heading());
      block.put("language", b.language());
      block.put("content", b.content());
      block.set("annotations", toJson(b.annotations()));
      block.put("textBefore", b.textBefore());
    }
    ArrayNode unrun = json.putArray("unrun");
    for (ParsedMarkup.Unrun u : markup.unrun()) {
      unrun.addObject().put("line", u.location().line()).put("what", u.what());
    }
    return json;
  }

  private static ObjectNode toJson(Annotations annotations) {
    ObjectNode json = JSON.createObjectNode();
    annotations.location().ifPresent(l -> json.put("line", l.line()));
    ObjectNode values = json.putObject("values");
    annotations.values().forEach((k, v) -> v.forEach(values.withArray(k)::add));
    return json;
  }

  static ParsedMarkup fromJson(JsonNode json, Source source) {
    List<RawBlock> blocks = new ArrayList<>();
    for (JsonNode b : json.get("blocks")) {
      blocks.add(
          new RawBlock(
              source.at(b.get("line").asInt()),
              b.get("contentLine").asInt(),
              text(b, "heading"),
              text(b, "language"),
              text(b, "content"),
              annotations(b.get("annotations"), source),
              text(b, "textBefore")));
    }
    List<ParsedMarkup.Unrun> unrun = new ArrayList<>();
    for (JsonNode u : json.get("unrun")) {
      unrun.add(new ParsedMarkup.Unrun(source.at(u.get("line").asInt()), text(u, "what")));
    }
    return new ParsedMarkup(
        text(json, "title"), annotations(json.get("annotations"), source), blocks, unrun);
  }

  private static Annotations annotations(JsonNode json, Source source) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    json.get("values")
        .fields()
        .forEachRemaining(
            e -> {
              List<String> all = new ArrayList<>();
              e.getValue().forEach(v -> all.add(v.asText()));
              values.put(e.getKey(), all);
            });
    Optional<Location> at =
        json.has("line") ? Optional.of(source.at(json.get("line").asInt())) : Optional.empty();
    return Annotations.of(values, at);
  }

  /** A text field; null stays null (a block without a heading or a language). */
  private static String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
