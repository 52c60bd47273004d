package dev.speckitty.cli.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;

/**
 * A Markdown file with YAML front matter ({@code ---} … {@code ---}), the format spec-kitty keeps
 * work packages in: the front matter holds lane and history, the body is for people.
 *
 * @param fields the front matter
 * @param body everything after the closing {@code ---}
 */
record FrontMatter(ObjectNode fields, String body) {
  private static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build());

  static ObjectNode newFields() {
    return YAML.createObjectNode();
  }

  static FrontMatter parse(String text) throws IOException {
    String normalized = text.replace("\r\n", "\n");
    if (!normalized.startsWith("---\n")) {
      throw new IOException("no front matter (the file must start with ---)");
    }
    int end = normalized.indexOf("\n---\n", 3);
    if (end < 0) {
      throw new IOException("front matter is not closed with ---");
    }
    JsonNode fields = YAML.readTree(normalized.substring(4, end + 1));
    if (!(fields instanceof ObjectNode object)) {
      throw new IOException("front matter is not a mapping");
    }
    return new FrontMatter(object, normalized.substring(end + 5));
  }

  String render() throws IOException {
    return "---\n" + YAML.writeValueAsString(fields) + "---\n" + body;
  }
}
