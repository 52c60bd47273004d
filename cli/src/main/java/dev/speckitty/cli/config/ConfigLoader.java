package dev.speckitty.cli.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.Failure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code ~/.spec-kitty/config.toml} ({@code [server] url = "…"}), lets {@code
 * SPEC_KITTY_SERVER_URL} override it, and turns every way that can go wrong into one message that
 * says what to fix.
 */
public final class ConfigLoader {
  /** The section of the config file that names the server. */
  public static final String SERVER_SECTION = "server";

  /** The key of the server URL in {@link #SERVER_SECTION}. */
  public static final String URL_KEY = "url";

  /**
   * Every setting the config file can hold, by section (the configuration reference lists them).
   */
  public static final Map<String, List<String>> KEYS = Map.of(SERVER_SECTION, List.of(URL_KEY));

  private final CliContext ctx;
  private final Consumer<String> warnings;

  /** A loader that reports settings it does not know, line by line, to {@code warnings}. */
  public ConfigLoader(CliContext ctx, Consumer<String> warnings) {
    this.ctx = ctx;
    this.warnings = warnings;
  }

  /** {@code ~/.spec-kitty/config.toml}. */
  public Path configFile() {
    return ctx.state().config();
  }

  /** The configured server, or the "No server configured" error (exit 2). */
  public ServerConfig requireServer() {
    return server()
        .orElseThrow(() -> Failure.NO_SERVER.with("config", ctx.tildePath(configFile())));
  }

  /** The configured server, empty when neither the environment nor the file names one. */
  public Optional<ServerConfig> server() {
    Optional<String> fromEnv = ctx.envVar(CliContext.SERVER_URL_ENV);
    if (fromEnv.isPresent()) {
      return Optional.of(
          new ServerConfig(
              ServerUrl.parse(fromEnv.get(), CliContext.SERVER_URL_ENV), configFile(), true));
    }
    return readUrl()
        .map(
            url ->
                new ServerConfig(
                    ServerUrl.parse(url, ctx.tildePath(configFile())), configFile(), false));
  }

  private Optional<String> readUrl() {
    Path file = configFile();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw Failure.CONFIG_UNREADABLE.with("file", file, "reason", e.getMessage());
    }
    String text = utf8(file, bytes);
    JsonNode root;
    try {
      root = new TomlMapper().readTree(text);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      int reported = at != null ? at.getLineNr() : 0;
      Optional<TomlProblem> problem = TomlProblem.find(text, reported);
      if (problem.isPresent()) {
        String line = text.lines().skip(problem.get().line() - 1L).findFirst().orElse("").strip();
        throw Failure.CONFIG_SYNTAX.with(
            "file",
            ctx.tildePath(file),
            "problem",
            problem.get().words(),
            "line",
            problem.get().line(),
            "text",
            line.length() > 100 ? line.substring(0, 100) + "…" : line);
      }
      String where =
          at != null && at.getLineNr() > 0 ? file + ":" + at.getLineNr() : file.toString();
      throw Failure.CONFIG_MALFORMED.with("where", where, "reason", e.getOriginalMessage());
    }
    if (root != null) {
      warnUnknown(root, text);
    }
    JsonNode url = root == null ? null : root.path(SERVER_SECTION).get(URL_KEY);
    if (url == null || url.isNull()) {
      return Optional.empty();
    }
    if (!url.isTextual()) {
      throw Failure.CONFIG_URL_NOT_TEXT.with("file", file);
    }
    return Optional.of(url.asText());
  }

  /** The file's text, or the message naming the line and byte that is not UTF-8. */
  private static String utf8(Path file, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw Failure.CONFIG_NOT_UTF8.with(
          "file", file, "line", line, "byte", String.format("0x%02X", bytes[at] & 0xff));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /** Warns, with file and line, about every section and key the CLI does not read. */
  private void warnUnknown(JsonNode root, String text) {
    List<String> lines = text.lines().toList();
    root.fieldNames()
        .forEachRemaining(
            name -> {
              JsonNode value = root.get(name);
              if (KEYS.containsKey(name) && value.isObject()) {
                value
                    .fieldNames()
                    .forEachRemaining(
                        key -> {
                          if (!KEYS.get(name).contains(key)) {
                            warn(key, lineOfKey(lines, name, key), KEYS.get(name));
                          }
                        });
              } else if (value.isObject()) {
                warn(
                    "[" + name + "]",
                    lineOfSection(lines, name),
                    KEYS.keySet().stream().map(k -> "[" + k + "]").toList());
              } else {
                warn(name, lineOfKey(lines, null, name), List.of());
              }
            });
  }

  private void warn(String setting, int line, List<String> known) {
    String where = ctx.tildePath(configFile()) + (line > 0 ? ":" + line : "");
    Optional<String> like = known.stream().filter(k -> distance(k, setting) <= 2).findFirst();
    List<String> message =
        like.isPresent()
            ? Failure.UNKNOWN_SETTING_LIKE.lines(
                "key", setting, "where", where, "known", like.get())
            : Failure.UNKNOWN_SETTING.lines("key", setting, "where", where);
    message.forEach(warnings);
  }

  private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*\"?([^\\]\"]+?)\"?\\s*]");

  /** The 1-based line of {@code [section]}, 0 when it is not written as a header. */
  private static int lineOfSection(List<String> lines, String section) {
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = SECTION.matcher(lines.get(i));
      if (m.find() && m.group(1).equals(section)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The 1-based line of {@code key = …} in {@code section} (null: before any), else 0. */
  private static int lineOfKey(List<String> lines, String section, String key) {
    Pattern assignment = Pattern.compile("^\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*=");
    String current = null;
    for (int i = 0; i < lines.size(); i++) {
      Matcher header = SECTION.matcher(lines.get(i));
      if (header.find()) {
        current = header.group(1);
      } else if (java.util.Objects.equals(current, section)
          && assignment.matcher(lines.get(i)).find()) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Levenshtein distance, for "did you mean". */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(substitute, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }
}
