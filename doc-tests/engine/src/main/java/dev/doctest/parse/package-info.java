/** Markdown (commonmark-java) and AsciiDoc (AsciidoctorJ) into one list of classified steps. */
package dev.doctest.parse;
