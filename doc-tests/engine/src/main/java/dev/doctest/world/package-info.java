/**
 * What pages run against, plugged in by the product: the servers a page's commands talk to, the
 * values pages are written with (a server URL, a demo user), and the named states a step can put
 * them in. The engine knows these only through this small interface.
 */
package dev.doctest.world;
