package dev.doctest.parse;

import dev.doctest.model.Step;

/**
 * A file block of a page, for checks that read every page (also the ones that do not run).
 *
 * @param file the file the page tells its reader to write
 * @param writtenToFail whether it is a throwaway example whose own steps show a command failing on
 *     it (a malformed config file in a troubleshooting list): the run verifies that failure, so a
 *     check that the file is valid does not apply
 */
public record PageFile(Step.WriteFile file, boolean writtenToFail) {}
