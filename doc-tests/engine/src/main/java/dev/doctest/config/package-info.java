/**
 * The doc-test configuration ({@code docs/doctest.toml}): placeholders, prompts, patterns,
 * fixtures.
 */
package dev.doctest.config;
