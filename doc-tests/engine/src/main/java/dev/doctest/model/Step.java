package dev.doctest.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One thing a reader does in a document: run a command, write a file, answer prompts, or read an
 * example that is shown but not run (with a stated reason).
 */
public sealed interface Step {
  Location location();

  /** The heading the step is under, for test names: {@code Step 2: Log In}. */
  String heading();

  /** A short label for test names and reports. */
  String label();

  /** How many of the document's code blocks this step covers. */
  default int blocks() {
    return shown().size();
  }

  /** The code blocks of the page this step covers, as the reader sees them. */
  List<Shown> shown();

  /**
   * A code block as the page shows it.
   *
   * @param line its first line (the opening fence or delimiter)
   * @param role {@code command}, {@code output}, {@code file}, {@code example}, or {@code
   *     transcript} (a terminal transcript: commands with their output, shown by its first command)
   * @param text its text
   */
  record Shown(int line, String role, String text) {}

  /**
   * Whether the step belongs to a throwaway example: it and the isolated steps right after it run
   * on a copy of the page's state, which is thrown away after the last of them.
   */
  default boolean isolated() {
    return false;
  }

  /** Whether the step is run (everything but illustrative blocks). */
  default boolean runs() {
    return !(this instanceof Illustrative);
  }

  /** The first line of a shell text that is not a comment, for labels. */
  static String firstCommandLine(String script) {
    return script
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .findFirst()
        .orElse(script.strip());
  }

  /**
   * Everything that decides how a step runs, besides its text.
   *
   * @param exitCode the exit code the step must end with
   * @param scenario the world state it runs in
   * @param isolated whether its effects are undone afterwards
   * @param timeout how long it may take, when not the default
   * @param hidesOutput why the page does not show what the command prints (else it must print
   *     nothing, as the page implies)
   */
  record Options(
      int exitCode,
      Optional<String> scenario,
      boolean isolated,
      Optional<Duration> timeout,
      Optional<String> hidesOutput) {
    public static final Options DEFAULT =
        new Options(0, Optional.empty(), false, Optional.empty(), Optional.empty());
  }

  /**
   * A step that runs shell text through bash as written, with or without prompts: labelled by its
   * first command, in a throwaway example when its options say so.
   */
  sealed interface ShellStep extends Step {
    /** The shell text, as the page shows it. */
    String script();

    Options options();

    @Override
    default boolean isolated() {
      return options().isolated();
    }

    @Override
    default String label() {
      return firstCommandLine(script());
    }
  }

  /**
   * A shell command, run through bash as written; its output is compared when the document shows
   * it. A hidden command ({@code run=…}) is one the document does not show, only its output.
   */
  record Command(
      Location location,
      String heading,
      String script,
      Optional<Expected> expected,
      Options options,
      boolean hidden,
      Optional<List<Shown>> transcript)
      implements ShellStep {

    /** A command with its own blocks (not part of a terminal transcript). */
    public Command(
        Location location,
        String heading,
        String script,
        Optional<Expected> expected,
        Options options,
        boolean hidden) {
      this(location, heading, script, expected, options, hidden, Optional.empty());
    }

    @Override
    public List<Shown> shown() {
      if (transcript.isPresent()) {
        return transcript.get();
      }
      List<Shown> blocks = new ArrayList<>();
      if (!hidden) {
        blocks.add(new Shown(location.line(), "command", script));
      }
      expected.ifPresent(e -> blocks.add(new Shown(e.location().line(), "output", e.text())));
      return blocks;
    }
  }

  /**
   * A command whose output includes prompts the reader answers: run under a pseudo-terminal,
   * answers typed when each prompt appears, the whole screen compared with the transcript.
   */
  record Interactive(
      Location location,
      String heading,
      String script,
      Expected transcript,
      Options options,
      Optional<List<Shown>> block)
      implements ShellStep {

    /** An interactive command with its own blocks (not part of a terminal transcript). */
    public Interactive(
        Location location, String heading, String script, Expected transcript, Options options) {
      this(location, heading, script, transcript, options, Optional.empty());
    }

    @Override
    public List<Shown> shown() {
      return block.orElseGet(
          () ->
              List.of(
                  new Shown(location.line(), "command", script),
                  new Shown(transcript.location().line(), "output", transcript.text())));
    }
  }

  /** A file the reader creates in an editor, with the content the document shows. */
  record WriteFile(Location location, String heading, String path, String content, boolean isolated)
      implements Step {
    /** A file the reader keeps (not part of a throwaway example). */
    public WriteFile(Location location, String heading, String path, String content) {
      this(location, heading, path, content, false);
    }

    @Override
    public String label() {
      return "write " + path;
    }

    /** Whether the block names its path on its first line, as a comment ({@code # ~/x.toml}). */
    public boolean showsItsPath() {
      return shownPath(content).filter(path::equals).isPresent();
    }

    /**
     * The path a file block names in a comment on its first line ({@code # ~/x.toml}, {@code //
     * ./a/b.json}), if it names one.
     */
    public static java.util.Optional<String> shownPath(String content) {
      String first = content.lines().findFirst().orElse("");
      java.util.regex.Matcher m = PATH_COMMENT.matcher(first);
      return m.matches() && (m.group(1).contains("/") || m.group(1).startsWith("~"))
          ? java.util.Optional.of(m.group(1))
          : java.util.Optional.empty();
    }

    private static final java.util.regex.Pattern PATH_COMMENT =
        java.util.regex.Pattern.compile(
            "^\\s*(?:#|//|;|--|<!--)\\s*((?:~|\\.{1,2})?/?[\\w.~/-]*[/.][\\w.-]+)\\s*(?:-->)?\\s*$");

    @Override
    public List<Shown> shown() {
      return List.of(new Shown(location.line(), "file", content));
    }
  }

  /**
   * What a reader sees in a browser: a page opened at a URL, text on it, a number of elements, and,
   * when the page shows an image made from it, that image taken afresh.
   *
   * @param url the address, as the page writes it (placeholders apply)
   * @param see texts that must be visible on the page
   * @param counts CSS selectors, each with how many visible elements it must find
   * @param screenshot the image the page shows, relative to the page's folder
   * @param region the CSS selector of the element the image shows (the whole window when empty)
   */
  record Browse(
      Location location,
      String heading,
      String url,
      List<String> see,
      List<Count> counts,
      Optional<String> screenshot,
      Optional<String> region)
      implements Step {
    /** A selector and how many visible elements it must find. */
    public record Count(String selector, int expected) {}

    @Override
    public String label() {
      return "open " + url;
    }

    @Override
    public List<Shown> shown() {
      return List.of();
    }
  }

  /** A block shown for understanding, not run — always with the reason. */
  record Illustrative(Location location, String heading, String text, String reason)
      implements Step {
    @Override
    public String label() {
      return "illustrative: " + reason;
    }

    @Override
    public List<Shown> shown() {
      return List.of(new Shown(location.line(), "example", text));
    }
  }
}
