/**
 * What every command shares and nothing else: context, state paths, exit codes, errors, JSON.
 * Imports no other spec-kitty package.
 */
package dev.speckitty.cli.core;
