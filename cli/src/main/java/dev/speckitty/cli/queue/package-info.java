/** The durable local event log: SQLite, FIFO push queue, Lamport clock, node id, pull cursor. */
package dev.speckitty.cli.queue;
