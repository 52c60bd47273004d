package dev.doctest.run;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a run needs from outside the docs.
 *
 * @param toolDir the folder of the command-line tool the pages use (its launcher), first on PATH;
 *     the folder above it (the tool's installation) stays visible to confined steps
 * @param outerEnv the environment the run was started in (only {@code JAVA_HOME} passes into a
 *     page's workspace)
 */
public record RunSettings(Path toolDir, Map<String, String> outerEnv) {}
