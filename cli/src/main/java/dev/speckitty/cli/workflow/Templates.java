package dev.speckitty.cli.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The Markdown templates {@code specify} and {@code plan} start from, with {{name}} fields. */
final class Templates {
  private Templates() {}

  static String render(String name, Map<String, String> fields) {
    String text;
    try (InputStream in = Templates.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("template " + name + " missing from the CLI jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<String, String> f : fields.entrySet()) {
      text = text.replace("{{" + f.getKey() + "}}", f.getValue());
    }
    return text;
  }
}
