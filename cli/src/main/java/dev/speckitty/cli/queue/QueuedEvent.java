package dev.speckitty.cli.queue;

/**
 * An event waiting to be pushed.
 *
 * @param seq its position in the FIFO queue
 * @param envelope the event
 * @param retryCount how often the server rejected it
 */
public record QueuedEvent(long seq, EventEnvelope envelope, int retryCount) {}
