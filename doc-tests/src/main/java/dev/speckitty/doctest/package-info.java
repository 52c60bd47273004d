/**
 * The doc-test engine: parses Markdown and AsciiDoc into one model of steps, runs them in a sandbox
 * against the real CLI and the mock server, matches the output exactly, and reports or rewrites
 * drift at {@code file:line}.
 */
package dev.speckitty.doctest;
