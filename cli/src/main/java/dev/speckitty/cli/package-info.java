/** The {@code spec-kitty} command line: entry point, shared context, exit codes and errors. */
package dev.speckitty.cli;
