package dev.doctest.parse;

import dev.doctest.config.DocTestConfig;
import dev.doctest.model.Annotations;
import dev.doctest.model.DocTestException;
import dev.doctest.model.DocumentSpec;
import dev.doctest.model.Expected;
import dev.doctest.model.Location;
import dev.doctest.model.Source;
import dev.doctest.model.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns code blocks into steps by the same rules for both markups. Plain blocks classify themselves
 * where the reader would: a {@code bash} block is a command; an untagged block after it, or after
 * "Expected output:", is its output; a config block whose first line names a path is a file to
 * write; output with prompts in it is an interactive transcript. Anything else must be annotated —
 * nothing is silently untested.
 */
final class Classifier {
  static final Set<String> COMMAND_LANGUAGES = Set.of("bash", "sh", "shell", "zsh");

  /** Terminal transcripts: {@code $ command} lines, each followed by what it prints. */
  static final Set<String> TRANSCRIPT_LANGUAGES =
      Set.of("console", "shell-session", "shellsession", "terminal");

  static final Set<String> OUTPUT_LANGUAGES =
      Set.of("", "text", "txt", "output", "plaintext", "plain");
  private static final Pattern EXPECTED_PHRASE =
      Pattern.compile(
          "(?is).*\\b(expected output|expected|output|you should see|you will see|it prints)\\s*:\\s*$");

  private final DocTestConfig config;
  private final List<String> states;

  /**
   * @param states the names {@code scenario=} may use (the world's states)
   */
  Classifier(DocTestConfig config, List<String> states) {
    this.config = config;
    this.states = states;
  }

  DocumentSpec classify(Source file, ParsedMarkup markup, boolean executable) {
    Location docAt = file.at(1);
    Optional<String> continuesValue = markup.annotations().value("continues");
    Optional<Path> continues =
        continuesValue.map(c -> file.file().getParent().resolve(c).normalize());
    if (continues.isPresent()) {
      Path c = continues.get();
      if (!Files.isRegularFile(c)) {
        throw new DocTestException(
            docAt, "continues=" + continuesValue.get() + ": no such document");
      }
      if (!config.isExecutable(c)) {
        throw new DocTestException(
            docAt,
            "continues="
                + continuesValue.get()
                + " names a page outside the run folders ("
                + String.join(", ", config.runFolders())
                + "): its steps never run, so this page would start from nothing;"
                + " continue a page in a run folder");
      }
    }
    Optional<String> fixture = markup.annotations().value("fixture");
    fixture.ifPresent(
        f -> {
          if (!config.fixtures().containsKey(f)) {
            throw new DocTestException(
                docAt,
                "missing fixture '"
                    + f
                    + "' (doctest.toml defines: "
                    + String.join(", ", config.fixtures().keySet())
                    + ")");
          }
        });
    if (executable && !markup.unrun().isEmpty()) {
      ParsedMarkup.Unrun first = markup.unrun().get(0);
      throw new DocTestException(first.location(), first.what());
    }
    if (executable) {
      markup.blocks().forEach(Classifier::checkNoHiddenCharacters);
    }
    List<Step> steps = executable ? steps(markup.blocks()) : List.of();
    return new DocumentSpec(
        file, markup.title(), continues, fixture, steps, markup.blocks().size());
  }

  private List<Step> steps(List<RawBlock> blocks) {
    List<Step> steps = new ArrayList<>();
    Map<String, Location> files = new HashMap<>();
    RawBlock pending = null;
    for (RawBlock b : blocks) {
      Annotations d = b.annotations();
      if (d.has("illustrative")) {
        pending = flush(pending, steps);
        String reason = d.value("illustrative").orElse("").strip();
        if (reason.isEmpty()) {
          throw new DocTestException(
              b.location(), "illustrative blocks need a reason: illustrative=\"…\"");
        }
        steps.add(new Step.Illustrative(b.location(), b.heading(), b.content(), reason));
        continue;
      }
      if (b.language().equals(RawBlock.BROWSER)) {
        pending = flush(pending, steps);
        steps.add(browse(b));
        continue;
      }
      if (TRANSCRIPT_LANGUAGES.contains(b.language().toLowerCase(java.util.Locale.ROOT))
          && !d.has("output")
          && !d.has("file")) {
        pending = flush(pending, steps);
        steps.addAll(transcript(b));
        continue;
      }
      Kind kind = kind(b, pending != null);
      switch (kind) {
        case COMMAND -> {
          pending = flush(pending, steps);
          pending = b;
        }
        case OUTPUT -> {
          if (d.has("run")) {
            pending = flush(pending, steps);
            String script = d.value("run").get().strip();
            ShellText.runProblem(script, config.tool(), config.checkedVariables())
                .ifPresent(
                    why -> {
                      throw new DocTestException(
                          b.location(),
                          "run=\""
                              + script
                              + "\" is not a command a reader could type to see this output: "
                              + why
                              + " (e.g. run=\"printf 'answer\\n' | "
                              + config.tool()
                              + " …\")");
                    });
            if (!d.has("isolated")) {
              throw new DocTestException(
                  b.location(),
                  "run=\""
                      + script
                      + "\" without isolated: the hidden command would leave its effects (a"
                      + " session ended, a file written) for the steps after it, which readers"
                      + " could not explain; add isolated (it runs on a throwaway copy)");
            }
            steps.add(
                new Step.Command(
                    b.location(),
                    b.heading(),
                    script,
                    Optional.of(expected(b)),
                    options(b.annotations(), b.location()),
                    true));
          } else if (pending == null) {
            throw new DocTestException(b.location(), "output block has no command before it");
          } else {
            steps.add(withOutput(pending, b));
            pending = null;
          }
        }
        case FILE -> {
          pending = flush(pending, steps);
          if (COMMAND_LANGUAGES.contains(b.language().toLowerCase(java.util.Locale.ROOT))) {
            throw new DocTestException(
                b.location(),
                "a "
                    + b.language()
                    + " block is a command the reader runs, not a file to write: 'file' is for"
                    + " data blocks (toml, json, yaml, text)");
          }
          Optional<String> shownPath = pathComment(b);
          if (d.value("path").isPresent()
              && shownPath.isPresent()
              && !shownPath.get().equals(d.value("path").get())) {
            throw new DocTestException(
                b.location(),
                "path="
                    + d.value("path").get()
                    + " but the block shows "
                    + shownPath.get()
                    + ": readers write the file where the block says; make them the same, or drop"
                    + " path=");
          }
          String path =
              d.value("path")
                  .orElseGet(
                      () ->
                          pathComment(b)
                              .orElseThrow(
                                  () ->
                                      new DocTestException(
                                          b.location(),
                                          "file block needs a path: a first-line comment such as '# ~/.config/x.toml', or path=…")));
          checkInsideWorkspace(path, b.location());
          boolean example = d.has("isolated");
          Location earlier = example ? null : files.putIfAbsent(path, b.location());
          if (earlier != null) {
            throw new DocTestException(
                b.location(),
                "duplicate file block for " + path + " (also at line " + earlier.line() + ")");
          }
          steps.add(new Step.WriteFile(b.location(), b.heading(), path, b.content(), example));
        }
        case UNCLASSIFIED ->
            throw new DocTestException(
                b.location(),
                "unclassified code block"
                    + (b.language().isEmpty() ? "" : " (" + b.language() + ")")
                    + ": "
                    + hint(b, pending != null));
      }
    }
    flush(pending, steps);
    return steps;
  }

  private static final Set<String> DATA_LANGUAGES =
      Set.of("json", "yaml", "yml", "toml", "xml", "ini", "properties", "csv", "env");

  /** What the writer most likely means by a block the rules cannot place. */
  private static String hint(RawBlock b, boolean afterCommand) {
    String lang = b.language().toLowerCase(java.util.Locale.ROOT);
    if (afterCommand) {
      return "it follows a command — if it is that command's output, mark it"
          + " <!-- doctest: output -->; if it is only shown, <!-- doctest: illustrative=\"why\" -->";
    }
    if (DATA_LANGUAGES.contains(lang)) {
      return "if the reader writes it to a file, name the file on its first line ('# ~/path/file')"
          + " or with <!-- doctest: file path=~/… -->; if it is only shown,"
          + " <!-- doctest: illustrative=\"why\" -->";
    }
    if (Set.of("powershell", "ps1", "cmd", "bat", "fish", "nu").contains(lang)) {
      return "a command for another shell cannot run here: <!-- doctest: illustrative=\"why\" -->";
    }
    return "annotate it, e.g. <!-- doctest: illustrative=\"why\" -->";
  }

  /**
   * The file blocks among {@code markup}'s blocks, by the rule {@link #classify} uses, whether or
   * not the page runs; illustrative ones too, since readers are shown them to write. A throwaway
   * ({@code isolated}) file whose group shows a command failing is marked as written to fail.
   */
  List<PageFile> fileBlocks(ParsedMarkup markup) {
    List<PageFile> files = new ArrayList<>();
    List<RawBlock> blocks = markup.blocks();
    for (int i = 0; i < blocks.size(); i++) {
      RawBlock b = blocks.get(i);
      if (kind(b, false) == Kind.FILE
          && !COMMAND_LANGUAGES.contains(b.language().toLowerCase(java.util.Locale.ROOT))) {
        boolean isolated = b.annotations().has("isolated");
        boolean failing = isolated && groupShowsAFailure(blocks, i + 1);
        b.annotations()
            .value("path")
            .or(() -> pathComment(b))
            .ifPresent(
                path ->
                    files.add(
                        new PageFile(
                            new Step.WriteFile(
                                b.location(), b.heading(), path, b.content(), isolated),
                            failing)));
      }
    }
    return files;
  }

  /**
   * Whether the isolated blocks from {@code from} on (with the outputs they show), up to the next
   * file block, include a command that must fail ({@code exit=N}, N ≠ 0).
   */
  private boolean groupShowsAFailure(List<RawBlock> blocks, int from) {
    for (int j = from; j < blocks.size(); j++) {
      RawBlock c = blocks.get(j);
      Annotations d = c.annotations();
      if (kind(c, false) == Kind.FILE) {
        return false; // the next example
      }
      if (d.has("isolated")) {
        if (d.number("exit", c.location()).orElse(0) != 0) {
          return true;
        }
      } else if (kind(c, true) != Kind.OUTPUT) {
        return false;
      }
    }
    return false;
  }

  private enum Kind {
    COMMAND,
    OUTPUT,
    FILE,
    UNCLASSIFIED
  }

  private Kind kind(RawBlock b, boolean commandPending) {
    Annotations d = b.annotations();
    int explicit =
        (d.has("command") ? 1 : 0)
            + (d.has("output") || d.has("run") ? 1 : 0)
            + (d.has("file") ? 1 : 0);
    if (explicit > 1) {
      throw new DocTestException(
          b.location(), "a block is a command, an output or a file — not several");
    }
    if (d.has("command") || d.has("interactive")) {
      return Kind.COMMAND;
    }
    if (d.has("output") || d.has("run")) {
      return Kind.OUTPUT;
    }
    if (d.has("file")) {
      return Kind.FILE;
    }
    String lang = b.language().toLowerCase(java.util.Locale.ROOT);
    if (COMMAND_LANGUAGES.contains(lang)) {
      return Kind.COMMAND;
    }
    if (!COMMAND_LANGUAGES.contains(lang)
        && !OUTPUT_LANGUAGES.contains(lang)
        && pathComment(b).isPresent()) {
      return Kind.FILE;
    }
    boolean announced = EXPECTED_PHRASE.matcher(b.textBefore()).matches();
    if (announced || (OUTPUT_LANGUAGES.contains(lang) && commandPending)) {
      return Kind.OUTPUT;
    }
    return Kind.UNCLASSIFIED;
  }

  /**
   * A file block writes into the page's workspace: under {@code ~/} or relative to where the shell
   * is, never above it.
   */
  private static void checkInsideWorkspace(String path, Location at) {
    String rest = path.startsWith("~/") ? path.substring(2) : path;
    if (path.startsWith("/")
        || path.equals("~")
        || (path.startsWith("~") && !path.startsWith("~/"))
        || java.nio.file.Path.of(rest).normalize().startsWith("..")) {
      throw new DocTestException(
          at,
          "the file block's path "
              + path
              + " is outside the page's workspace: write under ~/ or relative to the current"
              + " folder");
    }
  }

  /**
   * Control characters, and the invisible ones that format or reorder text: a terminal acts on them
   * (a backspace rubs out, an escape sequence hides what follows), a browser does not, and the
   * comparison sees what a terminal shows. Tabs and line ends are fine; so is a CRLF page.
   */
  private static final Pattern HIDDEN_CHARACTER =
      Pattern.compile(
          "[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u00AD\\u061C\\u200B-\\u200F\\u202A-\\u202E"
              + "\\u2060-\\u2064\\u2066-\\u2069\\uFEFF"
              // spaces that are not the shell's (a browser shows them as ordinary spaces)
              + "\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]");

  private static void checkNoHiddenCharacters(RawBlock b) {
    String content = b.content().replace("\r\n", "\n");
    Matcher m = HIDDEN_CHARACTER.matcher(content);
    if (m.find()) {
      int line = b.contentLine() + Source.lineOf(content, m.start()) - 1;
      throw new DocTestException(
          b.location().atLine(line),
          String.format(
              "the block holds the invisible or space-like character U+%04X: a terminal or the"
                  + " shell treats it otherwise than a browser shows it, so readers would not see"
                  + " what was checked; remove it",
              (int) content.charAt(m.start())));
    }
  }

  static Optional<String> pathComment(RawBlock b) {
    return Step.WriteFile.shownPath(b.content());
  }

  private RawBlock flush(RawBlock pending, List<Step> steps) {
    if (pending != null) {
      if (pending.annotations().has("interactive")) {
        throw new DocTestException(
            pending.location(), "interactive command needs its transcript block after it");
      }
      checkShownCommand(pending, pending.annotations());
      for (String key : List.of("match", "vary")) {
        if (pending.annotations().has(key)) {
          throw new DocTestException(
              pending.location(),
              key + "= is about output, and this command has no output block after it");
        }
      }
      steps.add(
          new Step.Command(
              pending.location(),
              pending.heading(),
              pending.content(),
              Optional.empty(),
              options(pending.annotations(), pending.location()),
              false));
    }
    return null;
  }

  private Step withOutput(RawBlock command, RawBlock output) {
    Annotations merged = command.annotations().with(output.annotations());
    checkShownCommand(command, merged);
    if (merged.has("hides-output")) {
      throw new DocTestException(
          command.location(), "hides-output on a command whose output the page shows");
    }
    // What the command's annotation says about its output (match=, vary=) holds for it too.
    Expected expected =
        expected(output, merged, output.location(), output.contentLine(), output.content());
    boolean prompts =
        config.prompts().keySet().stream()
            .anyMatch(p -> output.content().lines().anyMatch(l -> l.startsWith(p)));
    if (merged.has("interactive") || prompts) {
      return new Step.Interactive(
          command.location(),
          command.heading(),
          command.content(),
          expected,
          options(merged, command.location()));
    }
    return new Step.Command(
        command.location(),
        command.heading(),
        command.content(),
        Optional.of(expected),
        options(merged, command.location()),
        false);
  }

  /**
   * A terminal transcript as the reader sees it on GitHub and in the site: each {@code $ } line
   * (with its {@code > } continuation lines) is a command, the lines up to the next {@code $ } what
   * it prints — run in place, as mdx and cram do. The block's annotations apply to each command.
   */
  private List<Step> transcript(RawBlock b) {
    List<String> lines = b.content().lines().toList();
    List<Step> steps = new ArrayList<>();
    int i = 0;
    List<Step.Shown> whole =
        List.of(new Step.Shown(b.location().line(), "transcript", b.content()));
    if (lines.isEmpty() || !lines.get(0).startsWith("$ ")) {
      throw new DocTestException(
          b.location(),
          "a "
              + b.language()
              + " block is a terminal transcript: start it with a '$ ' command line");
    }
    while (i < lines.size()) {
      Location at = b.location().atLine(b.contentLine() + i);
      StringBuilder command = new StringBuilder(lines.get(i).substring(2));
      i++;
      while (i < lines.size() && lines.get(i).startsWith("> ")) {
        command.append('\n').append(lines.get(i).substring(2));
        i++;
      }
      int outputStart = i;
      while (i < lines.size() && !lines.get(i).startsWith("$ ")) {
        i++;
      }
      String output = String.join("\n", lines.subList(outputStart, i));
      while (output.endsWith("\n")) {
        output = output.substring(0, output.length() - 1);
      }
      RawBlock commandBlock =
          new RawBlock(at, at.line(), b.heading(), "bash", command.toString(), b.annotations(), "");
      Expected expected = expected(b, at, b.contentLine() + outputStart, output);
      boolean prompts =
          config.prompts().keySet().stream()
              .anyMatch(p -> expected.text().lines().anyMatch(l -> l.startsWith(p)));
      checkShownCommand(commandBlock, b.annotations());
      Optional<List<Step.Shown>> shown = Optional.of(steps.isEmpty() ? whole : List.of());
      steps.add(
          prompts || b.annotations().has("interactive")
              ? new Step.Interactive(
                  at,
                  b.heading(),
                  command.toString(),
                  expected,
                  options(b.annotations(), at),
                  shown)
              : new Step.Command(
                  at,
                  b.heading(),
                  command.toString(),
                  Optional.of(expected),
                  options(b.annotations(), at),
                  false,
                  shown));
    }
    return steps;
  }

  /** A browser step: where to go, what a reader must see there, the image it makes. */
  private Step browse(RawBlock b) {
    Annotations d = b.annotations();
    String url =
        d.value("open")
            .orElseThrow(
                () ->
                    new DocTestException(
                        b.location(), "a browser step needs the page to open: open=<url>"));
    boolean throughPlaceholder =
        config.placeholders().keySet().stream()
            .anyMatch(
                shown ->
                    url.startsWith(shown)
                        && (url.length() == shown.length()
                            || "/?#".indexOf(url.charAt(shown.length())) >= 0));
    if (!throughPlaceholder || url.contains("@")) {
      throw new DocTestException(
          b.location(),
          "open="
              + url
              + ": a browser step opens a page of the run's own server, written with the"
              + " placeholder that stands for it (such as "
              + config.placeholders().keySet().stream()
                  .filter(k -> k.startsWith("http"))
                  .findFirst()
                  .orElse("https://…")
              + "/…), without a user name before its host");
    }
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new DocTestException(
          b.location(),
          "open="
              + url
              + ": a browser step opens a web page of the run's servers, an http:// or https://"
              + " address");
    }
    List<Step.Browse.Count> counts = new ArrayList<>();
    for (String c : d.all("count")) {
      int eq = c.lastIndexOf('=');
      try {
        counts.add(
            new Step.Browse.Count(c.substring(0, eq), Integer.parseInt(c.substring(eq + 1))));
      } catch (RuntimeException e) {
        throw new DocTestException(
            b.location(),
            "count needs a CSS selector and a number: count=\".lane .card=5\", not count=" + c);
      }
    }
    if (d.all("see").isEmpty() && counts.isEmpty()) {
      throw new DocTestException(
          b.location(),
          "a browser step checks what a reader sees: give it see=\"text\" or"
              + " count=\"selector=N\"");
    }
    Optional<String> screenshot = d.value("screenshot");
    screenshot.ifPresent(
        path -> {
          checkInsideDocs(path, b.location());
          String page = read(b.location().file());
          if (!page.contains("](" + path + ")") && !page.contains("image::" + path + "[")) {
            throw new DocTestException(
                b.location(),
                "the screenshot "
                    + path
                    + " is not shown on the page: add it as an image, e.g. ![what it shows]("
                    + path
                    + ")");
          }
        });
    return new Step.Browse(
        b.location(), b.heading(), url, d.all("see"), counts, screenshot, d.value("region"));
  }

  private static void checkInsideDocs(String path, Location at) {
    if (path.startsWith("/")
        || java.nio.file.Path.of(path).normalize().startsWith("..")
        || !path.endsWith(".png")) {
      throw new DocTestException(
          at, "a screenshot is a .png beside the page or below it, not " + path);
    }
  }

  private static String read(java.nio.file.Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (java.io.IOException e) {
      throw new DocTestException(new Location(file, file.toString(), 1), "cannot read: " + e);
    }
  }

  private Expected expected(RawBlock b) {
    return expected(b, b.location(), b.contentLine(), b.content());
  }

  private Expected expected(RawBlock b, Location at, int firstLine, String text) {
    return expected(b, b.annotations(), at, firstLine, text);
  }

  private Expected expected(RawBlock b, Annotations d, Location at, int firstLine, String text) {
    Expected.MatchMode mode =
        switch (d.value("match").orElse("exact")) {
          case "exact" -> Expected.MatchMode.EXACT;
          case "contains" -> Expected.MatchMode.CONTAINS;
          default -> throw new DocTestException(b.location(), "match= must be exact or contains");
        };
    if (mode == Expected.MatchMode.CONTAINS && text.isBlank()) {
      throw new DocTestException(
          b.location(),
          "an excerpt (match=contains) with no lines checks nothing: show the lines it must find,"
              + " or leave the output out with hides-output=\"<why>\"");
    }
    Map<String, String> varying = new LinkedHashMap<>();
    for (String v : d.all("vary")) {
      int eq = v.lastIndexOf('=');
      if (eq <= 0) {
        throw new DocTestException(
            b.location(), "vary needs literal=PATTERN, e.g. vary=\"2026-03-01=DATE\"");
      }
      String literal = v.substring(0, eq);
      String name = v.substring(eq + 1);
      Pattern pattern = config.patterns().get(name);
      if (pattern == null) {
        throw new DocTestException(
            b.location(), "vary uses unknown pattern " + name + " (doctest.toml [patterns])");
      }
      if (!b.content().contains(literal)) {
        throw new DocTestException(
            b.location(), "vary literal '" + literal + "' does not appear in the block");
      }
      if (!pattern.matcher(literal).matches()) {
        throw new DocTestException(
            b.location(), "vary literal '" + literal + "' does not match pattern " + name);
      }
      varying.put(literal, name);
    }
    return new Expected(at, firstLine, text, mode, varying);
  }

  /** The rule for a command the page shows: it may not swallow a failure. */
  /**
   * Where confined steps see the engine's own files (its step scripts and the shell state, see
   * {@code run/Confinement}): no reader's machine has them.
   */
  static final String CHECKER_FOLDERS = "/run/doctest";

  private void checkShownCommand(RawBlock command, Annotations d) {
    if (command.content().contains(CHECKER_FOLDERS)) {
      throw new DocTestException(
          command.location(),
          "the command uses "
              + CHECKER_FOLDERS
              + "…, the checker's own folders, which no reader's machine has: it would do"
              + " something else there than here");
    }
    if (!d.has("exit") && ShellText.swallowsFailures(command.content())) {
      throw new DocTestException(
          command.location(),
          "'||' hides a failing command, which a reader would see fail: show the failure (exit=N"
              + " and its output) or drop the '||'");
    }
    ShellText.lookAlikeCommand(command.content())
        .ifPresent(
            name -> {
              throw new DocTestException(
                  command.location(),
                  "the command name '"
                      + name
                      + "' holds a letter outside ASCII: it can look like another name ("
                      + config.tool()
                      + "), and readers who copy or type it get another program; write command"
                      + " names in ASCII");
            });
  }

  private Step.Options options(Annotations d, Location at) {
    d.value("scenario")
        .filter(name -> !states.contains(name))
        .ifPresent(
            name -> {
              throw new DocTestException(
                  at, "unknown scenario '" + name + "' (known: " + String.join(", ", states) + ")");
            });
    int exit = d.number("exit", at).orElse(0);
    Optional<Duration> timeout = d.number("timeout", at).map(Duration::ofSeconds);
    Optional<String> hidesOutput = d.value("hides-output").map(String::strip);
    if (hidesOutput.isPresent() && hidesOutput.get().isEmpty()) {
      throw new DocTestException(
          at, "hides-output needs the reason readers are told: hides-output=\"…\"");
    }
    return new Step.Options(exit, d.value("scenario"), d.has("isolated"), timeout, hidesOutput);
  }
}
