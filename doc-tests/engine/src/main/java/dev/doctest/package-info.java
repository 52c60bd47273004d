/**
 * A doc-test engine: parses Markdown and AsciiDoc pages into one model of steps, runs them in a
 * confined workspace against the command-line tool and the world a product plugs in, matches the
 * output exactly, and reports or rewrites drift at {@code file:line}. {@link dev.doctest.DocTests}
 * is the entry point.
 */
package dev.doctest;
