/** The one model both markups parse into: documents, steps, expected output, locations. */
package dev.doctest.model;
