/**
 * Verifying docs/: the mock team server plugged into the doc-test engine as the world the pages run
 * in.
 */
package dev.speckitty.docs;
