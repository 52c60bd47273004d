/**
 * The writers' loop: {@code doctest PAGE…} checks pages in seconds, without a build tool — one line
 * per step, every drift at once, update, start from a step, watch, list.
 */
package dev.doctest.cli;
