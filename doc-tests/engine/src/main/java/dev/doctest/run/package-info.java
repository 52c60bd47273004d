/**
 * Running pages: a workspace per page (confined by bubblewrap where it can be), bash for commands,
 * a pseudo-terminal for prompts, the world instance the page talks to, and the schedule that starts
 * each page from the end state of the page it continues.
 */
package dev.doctest.run;
