/**
 * Whether a doc-test report may vouch for a page: its fingerprints against the files the site
 * renders, and every code block a reader sees against the steps the doc-tests ran.
 */
package dev.speckitty.site.verify;
