package dev.speckitty.cli.sync;

import dev.speckitty.cli.queue.EventEnvelope;
import java.util.List;

/**
 * One page of {@code GET /api/v1/events/}.
 *
 * @param events teammates' events after the cursor
 * @param skipped why each event that broke the API contract was left out
 * @param nextCursor where the next page starts
 * @param hasMore whether to ask again
 */
public record PullPage(
    List<EventEnvelope> events, List<String> skipped, String nextCursor, boolean hasMore) {}
