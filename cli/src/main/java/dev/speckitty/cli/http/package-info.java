/** Talking to the team server: one HTTP transport, its failure kinds, JSON bodies. */
package dev.speckitty.cli.http;
