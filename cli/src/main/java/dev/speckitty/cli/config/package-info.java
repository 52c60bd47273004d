/** Where the server is: {@code ~/.spec-kitty/config.toml}, its environment override, URL rules. */
package dev.speckitty.cli.config;
