package dev.speckitty.cli.config;

import java.nio.file.Path;

/**
 * The configured server and where the setting came from.
 *
 * @param url the validated server URL
 * @param configFile the config file path (shown by {@code sync status} when it exists, also when
 *     the URL comes from the environment)
 * @param fromEnvironment whether {@code SPEC_KITTY_SERVER_URL} set the URL
 */
public record ServerConfig(ServerUrl url, Path configFile, boolean fromEnvironment) {}
