package dev.speckitty.doctest.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a run needs from outside the docs.
 *
 * @param launcherDir the {@code bin/} directory with the {@code spec-kitty} launcher
 * @param outerEnv the environment the tests run in (only JAVA_HOME passes into the sandbox)
 * @param openApi the contract to check the CLI's requests against, if any
 */
public record RunSettings(Path launcherDir, Map<String, String> outerEnv, Optional<Path> openApi) {}
