/** The {@code spec-kitty} command tree: entry point, root command and the CDS training run. */
package dev.speckitty.cli;
