/**
 * Prose that names the tool: every inline code span of every page, with its line and the sentence
 * around it, and every file block, handed to a product's {@link dev.doctest.prose.Vocabulary} — so
 * that the words around the checked code blocks cannot drift either.
 */
package dev.doctest.prose;
