/** Publishing the docs: man pages from the CLI model, verified badges, the preview server. */
package dev.speckitty.site;
