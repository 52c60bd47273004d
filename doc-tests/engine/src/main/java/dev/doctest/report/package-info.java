/** Telling people how it went: JUnit dynamic tests, JSON reports, doc updates, link checks. */
package dev.doctest.report;
