package dev.doctest.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a page runs with ({@code home} from the engine; {@code server.url}, {@code user.name},
 * {@code user.password}, …) and their substitution into {@code ${name}} templates.
 */
public record Variables(Map<String, String> values) {
  private static final Pattern REF = Pattern.compile("\\$\\{([a-z.]+)}");

  public String resolve(String template) {
    Matcher m = REF.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("unknown variable ${" + m.group(1) + "} in " + template);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
