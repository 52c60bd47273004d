/**
 * Finishing the rendered pages for readers: anchors, links, code blocks with copy buttons, badges
 * and how-verified notes, the table of contents, edit links, search and evidence pages.
 */
package dev.speckitty.site.html;
