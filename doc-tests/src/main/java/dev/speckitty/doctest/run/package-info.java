/**
 * Running a document: one sandbox, bash for commands, a pseudo-terminal for prompts, the mock
 * server.
 */
package dev.speckitty.doctest.run;
