package dev.speckitty.cli.queue;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event a command wants recorded; the queue adds id, clock, node, team and timestamp.
 *
 * @param eventType e.g. {@code FeatureCreated}
 * @param aggregateType {@code Project}, {@code Feature} or {@code WorkPackage}
 * @param aggregateId what the event is about
 * @param payload event-specific fields
 */
public record NewEvent(
    String eventType, String aggregateType, String aggregateId, ObjectNode payload) {}
