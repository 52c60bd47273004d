package dev.speckitty.cli.queue;

/**
 * The project an event belongs to.
 *
 * @param uuid stable identity
 * @param slug readable name
 */
public record ProjectRef(String uuid, String slug) {}
