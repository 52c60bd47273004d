package dev.speckitty.cli.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  public ConfigLoader(CliContext ctx) {
    this.ctx = ctx;
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
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw Failure.CONFIG_UNREADABLE.with("file", file, "reason", e.getMessage());
    }
    JsonNode root;
    try {
      root = new TomlMapper().readTree(text);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      String where =
          at != null && at.getLineNr() > 0 ? file + ":" + at.getLineNr() : file.toString();
      throw Failure.CONFIG_MALFORMED.with("where", where, "reason", e.getOriginalMessage());
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
}
