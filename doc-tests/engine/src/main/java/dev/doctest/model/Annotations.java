package dev.doctest.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The annotations on a block or a document, in one small grammar shared by both markups: {@code
 * key}, {@code key=value} or {@code key="quoted value"}, separated by spaces. In Markdown they sit
 * in an HTML comment ({@code <!-- doctest: exit=1 -->}) or the info string ({@code ```bash
 * {exit=1}}); in AsciiDoc in a block attribute ({@code [source,bash,doctest="exit=1"]}).
 */
public final class Annotations {
  /** Keys a code block may carry. */
  public static final Set<String> BLOCK_KEYS =
      Set.of(
          "command",
          "output",
          "file",
          "interactive",
          "illustrative",
          "exit",
          "scenario",
          "isolated",
          "timeout",
          "run",
          "match",
          "vary",
          "path",
          "hides-output");

  /** Keys of a browser step ({@code <!-- doctest-browser: … -->}). */
  public static final Set<String> BROWSER_KEYS =
      Set.of("open", "see", "count", "screenshot", "region");

  /** Keys a document may carry. */
  public static final Set<String> DOCUMENT_KEYS = Set.of("continues", "fixture");

  public static final Annotations NONE = new Annotations(Map.of(), null);

  private final Map<String, List<String>> values;
  private final Location location;

  private Annotations(Map<String, List<String>> values, Location location) {
    this.values = values;
    this.location = location;
  }

  /** Annotations with these values, as {@link #values()} and {@link #location()} gave them. */
  public static Annotations of(Map<String, List<String>> values, Optional<Location> location) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
    return new Annotations(copy, location.orElse(null));
  }

  /** Every key with its values, in the order written. */
  public Map<String, List<String>> values() {
    return java.util.Collections.unmodifiableMap(values);
  }

  /** Where these annotations stand, if anywhere. */
  public Optional<Location> location() {
    return Optional.ofNullable(location);
  }

  /** Parses {@code text}, reporting problems at {@code location}. */
  public static Annotations parse(String text, Location location, Set<String> allowed) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    int i = 0;
    String s = text.strip();
    while (i < s.length()) {
      if (Character.isWhitespace(s.charAt(i))) {
        i++;
        continue;
      }
      int keyStart = i;
      while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=') {
        i++;
      }
      String key = s.substring(keyStart, i);
      String value = "";
      if (i < s.length() && s.charAt(i) == '=') {
        i++;
        if (i < s.length() && s.charAt(i) == '"') {
          StringBuilder v = new StringBuilder();
          i++;
          while (i < s.length() && s.charAt(i) != '"') {
            if (s.charAt(i) == '\\'
                && i + 1 < s.length()
                && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
              i++;
            }
            v.append(s.charAt(i++));
          }
          if (i >= s.length()) {
            throw new DocTestException(
                location, "unterminated quote in annotation: " + text.strip());
          }
          i++;
          value = v.toString();
        } else {
          int valueStart = i;
          while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
          }
          value = s.substring(valueStart, i);
        }
      }
      if (!allowed.contains(key)) {
        throw new DocTestException(
            location,
            "unknown annotation '"
                + key
                + "' (known: "
                + String.join(", ", allowed.stream().sorted().toList())
                + ")");
      }
      values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return new Annotations(values, location);
  }

  /** These annotations plus {@code more} (theirs added after ours). */
  public Annotations with(Annotations more) {
    if (more.values.isEmpty()) {
      return this;
    }
    Map<String, List<String>> merged = new LinkedHashMap<>();
    values.forEach((k, v) -> merged.put(k, new ArrayList<>(v)));
    more.values.forEach((k, v) -> merged.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    return new Annotations(merged, more.location != null ? more.location : location);
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public Optional<String> value(String key) {
    List<String> v = values.get(key);
    return v == null ? Optional.empty() : Optional.of(v.get(v.size() - 1));
  }

  public List<String> all(String key) {
    return values.getOrDefault(key, List.of());
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** A whole-number value, or an error at the annotation's location. */
  public Optional<Integer> number(String key, Location at) {
    return value(key)
        .map(
            v -> {
              try {
                return Integer.parseInt(v);
              } catch (NumberFormatException e) {
                throw new DocTestException(at, "annotation " + key + "=" + v + " must be a number");
              }
            });
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
