package dev.doctest.model;

import java.util.List;

/**
 * Variables that decide which program runs, on which runtime and with which libraries, or what a
 * shell runs first. A page may not change them where readers do not see it: the steps check them
 * before they run, and a hidden command may not set them.
 */
public final class RuntimeVariables {
  private RuntimeVariables() {}

  /** Checked before every step: each must be as the run set it, or unset. */
  public static final List<String> CHECKED =
      List.of(
          "JAVA_HOME",
          "JAVA_TOOL_OPTIONS",
          "_JAVA_OPTIONS",
          "JDK_JAVA_OPTIONS",
          "LD_PRELOAD",
          "LD_LIBRARY_PATH",
          "LD_AUDIT",
          "BASH_ENV",
          "ENV");

  /**
   * Never set by a hidden command in front of the tool: the {@code checked} ones (these and the
   * tool's own, see {@code [run] tool_variables}) and where programs are found.
   */
  public static List<String> notInAHiddenCommand(List<String> checked) {
    return java.util.stream.Stream.concat(
            checked.stream(), java.util.stream.Stream.of("PATH", "HOME"))
        .toList();
  }
}
