/**
 * The mock team server: WireMock with JSON stub files, small stateful extensions (tokens, event
 * store, pull, dashboard), named fault scenarios, and the standalone sandbox readers can use.
 */
package dev.speckitty.mockserver;
