package dev.doctest.run;

/**
 * How a step's process ended.
 *
 * @param exitCode the exit code (-1 when killed)
 * @param output everything it printed, stdout and stderr interleaved as on a terminal
 * @param problem why it did not finish normally (timeout, prompt never shown), or null
 */
public record Outcome(int exitCode, String output, String problem) {}
