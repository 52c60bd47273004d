/** The thin adapter that shows a run as JUnit 5 dynamic tests; the engine itself needs no JUnit. */
package dev.doctest.junit;
