/** Comparing actual with expected output: normalise, redact, match exactly, explain with a diff. */
package dev.doctest.match;
