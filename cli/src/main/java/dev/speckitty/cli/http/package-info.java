/** Talking to the team server: one HTTP transport, its failure kinds and their messages. */
package dev.speckitty.cli.http;
