package dev.doctest.run;

import dev.doctest.model.RuntimeVariables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One page's files and terminal: a fresh HOME (where the shell starts, as in a new terminal), a
 * private {@code /tmp}, a clean environment (cram-style: {@code LANG}, {@code TZ}, {@code COLUMNS}
 * fixed, nothing inherited but the Java runtime), and the shell state (directory, exported and
 * shell variables) that carries from one block to the next as in one terminal. Printed as {@code
 * $WORK} in failure messages. Confined, its commands see HOME at {@link Confinement#HOME} whatever
 * folder holds it here, so a copy of the workspace reads the same as the original.
 */
public final class Workspace implements AutoCloseable {
  private final Path root;
  private final Path home;
  private final Path tmp;

  /** The step scripts and file texts: the engine writes them, steps only read them. */
  private final Path control;

  /**
   * The shell state (exported and shell variables, folder) each step's shell saves for the next.
   */
  private final Path shell;

  private final Confinement confinement;
  private final List<Path> visible;
  private final Map<String, String> env = new LinkedHashMap<>();
  private int scripts;

  /** What every step checks first: that its shell runs the tool, on the run's runtime. */
  private final String stepChecks;

  /**
   * @param settings the tool under test (its launcher folder goes first on PATH) and the outer
   *     environment (only {@code JAVA_HOME} is taken from it)
   * @param checked the variables every step checks are as the workspace set them (see {@link
   *     RuntimeVariables})
   */
  public Workspace(RunSettings settings, Confinement confinement, List<String> checked) {
    this.confinement = confinement;
    try {
      root = Files.createTempDirectory("doctest-").toRealPath();
      home = Files.createDirectories(root.resolve("home"));
      tmp = Files.createDirectories(root.resolve("tmp"));
      control = Files.createDirectories(root.resolve("control"));
      shell = Files.createDirectories(root.resolve("shell"));
      Files.writeString(
          shell.resolve("state.sh"), "cd -- " + escaped(seenHome().toString()) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path toolDir = settings.toolDir().toAbsolutePath().normalize();
    List<Path> see = new ArrayList<>();
    see.add(toolDir.getParent() == null ? toolDir : toolDir.getParent());
    env.put("HOME", seenHome().toString());
    env.put("PATH", toolDir + ":/usr/local/bin:/usr/bin:/bin");
    env.put("LANG", "C.UTF-8");
    env.put("LC_ALL", "C.UTF-8");
    env.put("TZ", "UTC");
    env.put("TERM", "dumb");
    env.put("COLUMNS", "80");
    env.put("LINES", "24");
    env.put("USER", "reader");
    env.put("SHELL", "/bin/bash");
    env.put("TMPDIR", seenTmp().toString());
    String javaHome = settings.outerEnv().get("JAVA_HOME");
    if (javaHome != null) {
      env.put("JAVA_HOME", javaHome);
      see.add(Path.of(javaHome));
    }
    this.visible = List.copyOf(see);
    this.stepChecks = toolCheck(toolDir) + runtimeCheck(env, checked);
  }

  /** The folder everything of this workspace lives in, on this machine ({@code $WORK}). */
  public Path root() {
    return root;
  }

  /** HOME on this machine. */
  public Path hostHome() {
    return home;
  }

  Path hostTmp() {
    return tmp;
  }

  Path hostControl() {
    return control;
  }

  Path hostShell() {
    return shell;
  }

  /** HOME as the page's commands see it ({@code ${home}} in the doc-test config). */
  public Path seenHome() {
    return confinement.confined() ? Confinement.HOME : home;
  }

  private Path seenTmp() {
    return confinement.confined() ? Path.of("/tmp") : tmp;
  }

  private Path seenControl() {
    return confinement.confined() ? Confinement.CONTROL : control;
  }

  private Path seenShell() {
    return confinement.confined() ? Confinement.SHELL : shell;
  }

  /**
   * A file of the shell state, if it is one: steps can write there, and a link they left must not
   * make the engine read (or copy) a file of this machine.
   */
  private Optional<String> shellFile(String name) throws IOException {
    Path file = shell.resolve(name);
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        ? Optional.of(Files.readString(file))
        : Optional.empty();
  }

  /** The start of a shell variable's line in a saved state. */
  private static final Pattern SHELL_VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=");

  /** A word as {@code printf %q} writes it: plain characters, backslash escapes, {@code $'…'}. */
  private static final String QUOTED_WORD =
      "(?:[\\p{L}\\p{M}\\p{N}_./+,:@%=-]|\\\\[^\\n]|\\$'(?:[^'\\\\]|\\\\[\\s\\S])*')";

  /**
   * A shell state as a step's shell saves it: exported variables ({@code export -p}, without
   * attributes: an integer's value would be evaluated when read back), shell variables ({@code
   * name=%q}), then its folder ({@code cd -- %q}): data, no other command.
   */
  private static final Pattern SAVED_STATE =
      Pattern.compile(
          "(?:declare -x [A-Za-z_][A-Za-z0-9_]*(?:=\"(?:[^\"\\\\$`]|\\\\[\\s\\S])*\")?\n)*"
              + "(?:[A-Za-z_][A-Za-z0-9_]*="
              + QUOTED_WORD
              + "*\n)*"
              + "cd -- "
              + QUOTED_WORD
              + "+\n");

  /**
   * Why the shell state the last step left is not what its shell saves (a variable with an
   * attribute, or text a background process wrote): the next step would run code nobody sees; empty
   * when it is.
   */
  Optional<String> foreignState() {
    try {
      Optional<String> state = shellFile("state.sh");
      if (state.isPresent() && SAVED_STATE.matcher(state.get()).matches()) {
        return Optional.empty();
      }
    } catch (IOException e) {
      // unreadable: not the state the shell saved either
    }
    return Optional.of(
        "the shell state this step left is not what its shell saves (exported variables without"
            + " attributes, shell variables and its folder): a variable with an attribute (declare"
            + " -i …) or something else in the step (a background process) changed it, so the"
            + " steps after it cannot be trusted");
  }

  /** {@code text} as one shell word, every character outside a plain path escaped. */
  private static String escaped(String text) {
    StringBuilder word = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (!(Character.isLetterOrDigit(c) && c < 128) && "_./-".indexOf(c) < 0) {
        word.append('\\');
      }
      word.append(c);
    }
    return word.toString();
  }

  /** Writes a new file of the engine's, never through a link that may stand there. */
  private static void writeNew(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    Files.writeString(file, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /** A path as the page's commands see it, on this machine. */
  public Path toHost(Path seen) {
    if (!confinement.confined()) {
      return seen;
    }
    if (seen.startsWith(Confinement.HOME)) {
      return home.resolve(Confinement.HOME.relativize(seen).toString());
    }
    if (seen.startsWith("/tmp")) {
      return tmp.resolve(Path.of("/tmp").relativize(seen).toString());
    }
    return seen;
  }

  /** Whether a path the page's commands see lies inside the workspace (HOME or /tmp). */
  public boolean contains(Path seen) {
    Path normal = seen.normalize();
    return normal.startsWith(seenHome()) || normal.startsWith(seenTmp());
  }

  /** The environment every step starts from (before the state file is sourced). */
  public Map<String, String> env() {
    return Map.copyOf(env);
  }

  /** The command that runs {@code script}, confined if steps are. */
  List<String> command(Path script, boolean terminal) {
    Path seenScript = seenControl().resolve(script.getFileName().toString());
    return confinement.wrap(
        this, visible, terminal, List.of("bash", "--noprofile", "--norc", seenScript.toString()));
  }

  /**
   * The variables the shell carries to the next step now, exported or not, with their values (a
   * shell variable's as {@code printf %q} wrote it): those the last step saved, or the workspace's
   * own before any step ran (to see which a command set or changed).
   */
  public Map<String, String> variables() {
    Map<String, String> variables = new LinkedHashMap<>();
    try {
      for (String line : shellFile("state.sh").orElse("").lines().toList()) {
        if (line.startsWith("declare -x ")) {
          String declaration = line.substring("declare -x ".length());
          int eq = declaration.indexOf('=');
          variables.put(
              eq < 0 ? declaration : declaration.substring(0, eq),
              eq < 0 ? "" : unquote(declaration.substring(eq + 1)));
        } else if (SHELL_VARIABLE.matcher(line).lookingAt()) {
          int eq = line.indexOf('=');
          variables.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return variables.isEmpty() ? new LinkedHashMap<>(env) : variables;
  }

  /** A value as {@code export -p} writes it: in double quotes, with {@code \\} escapes. */
  private static String unquote(String quoted) {
    String inner =
        quoted.length() >= 2 && quoted.startsWith("\"") && quoted.endsWith("\"")
            ? quoted.substring(1, quoted.length() - 1)
            : quoted;
    return inner.replaceAll("\\\\(.)", "$1");
  }

  /** Where the last step left the shell, on this machine. */
  public Path cwd() {
    try {
      return shellFile("cwd").map(seen -> toHost(Path.of(seen.strip()))).orElse(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Wraps a step's shell text: restore the state, run each command as written, save the state, exit
   * with the status of the first command that failed (0 when none did) — a failing stage of a
   * pipeline or a command inside a compound command counts too.
   */
  Path script(String body) throws IOException {
    Path script = control.resolve("step-" + ++scripts + ".sh");
    Path state = seenShell().resolve("state.sh");
    StringBuilder text = new StringBuilder();
    // The names bash and the environment define: every other shell variable is the page's.
    text.append("__doctest_own=$'\\n'\"$(compgen -v)\"$'\\n'\n");
    text.append("source '").append(state).append("'\n");
    text.append(stepChecks);
    // Every command must succeed, each stage of a pipeline included, as a reader would see it fail.
    text.append("set -o pipefail -o errtrace\n__doctest_rc=0\n")
        .append(
            "trap '__doctest_s=$?; [ $__doctest_rc -eq 0 ] && __doctest_rc=$__doctest_s' ERR\n");
    for (String command : CommandSplitter.split(body)) {
      text.append(command)
          .append("\n__doctest_s=$?; [ $__doctest_rc -eq 0 ] && __doctest_rc=$__doctest_s\n");
    }
    // What the page's commands defined cannot take part in the save: its functions named like the
    // builtins the save uses are removed and its aliases are not expanded (in POSIX mode special
    // builtins come before functions); its traps do not fire (a reader's EXIT trap waits for the
    // terminal to close).
    text.append("POSIXLY_CORRECT=1\n")
        .append(
            "\\unset -f trap export printf mv pwd exit declare compgen unset builtin command"
                + " source\n")
        .append("\\unset -v IFS\n")
        .append("\\trap - ERR EXIT DEBUG RETURN\n")
        .append("\\unset POSIXLY_CORRECT\n");
    // Saved: the exported variables (the terminal's own belong to the runner: TERM differs with
    // and without a pty), the page's shell variables (a reader's terminal keeps them too), the
    // folder.
    text.append("{ (\\unset TERM COLUMNS LINES SHLVL PWD OLDPWD _; \\export -p)\n")
        .append("for __doctest_v in $(\\compgen -v); do\n")
        .append("  case \"$__doctest_own\" in *$'\\n'\"$__doctest_v\"$'\\n'*) continue ;; esac\n")
        .append("  case \"$__doctest_v\" in __doctest_*) continue ;; esac\n")
        .append("  case \"$(\\declare -p \"$__doctest_v\" 2> /dev/null)\" in\n")
        .append(
            "    \"declare -- $__doctest_v=\"*) \\printf '%s=%q\\n' \"$__doctest_v\""
                + " \"${!__doctest_v}\" ;;\n")
        .append("  esac\n")
        .append("done\n")
        .append("\\printf 'cd -- %q\\n' \"$PWD\"; } > '")
        .append(state)
        .append(".next' && \\mv '")
        .append(state)
        .append(".next' '")
        .append(state)
        .append("'\n")
        .append("\\pwd > '")
        .append(seenShell().resolve("cwd"))
        .append("'\n")
        .append("\\exit $__doctest_rc\n");
    writeNew(script, text.toString());
    return script;
  }

  /**
   * Shell text that writes {@code content} to {@code path} (as a page shows it: {@code ~/…}, or
   * relative to the shell's folder) the way a reader's editor would, creating missing folders: run
   * as a step, confined like one, so a symbolic link leads only where the page's commands could
   * write themselves.
   */
  String fileWrite(String path, String content) throws IOException {
    Path text = control.resolve("file-" + ++scripts + ".txt");
    writeNew(text, content);
    String target = path.startsWith("~/") ? "\"$HOME\"/" + quote(path.substring(2)) : quote(path);
    return "mkdir -p -- \"$(dirname -- "
        + target
        + ")\" && cat -- "
        + quote(seenControl().resolve(text.getFileName().toString()).toString())
        + " > "
        + target;
  }

  /**
   * Shell lines that stop a step whose shell would not run the tool under test: each program of the
   * tool's folder must still be that file, not a function, an alias or another file earlier on the
   * PATH (a hidden starting state could otherwise put a wrapper in front of the tool, and every
   * later step would judge the wrapper's output).
   */
  private static String toolCheck(Path toolDir) {
    StringBuilder check = new StringBuilder();
    try (java.util.stream.Stream<Path> files = Files.list(toolDir)) {
      for (Path program :
          files.filter(Files::isRegularFile).filter(Files::isExecutable).sorted().toList()) {
        String name = quote(program.getFileName().toString());
        String path = quote(program.toString());
        check
            .append("if [ \"$(type -t ")
            .append(name)
            .append(")\" != file ] || [ \"$(type -P ")
            .append(name)
            .append(")\" != ")
            .append(path)
            .append(" ]; then printf 'doctest: this step would not run %s but %s\\n' ")
            .append(path)
            .append(" \"$(type ")
            .append(name)
            .append(" 2>&1 | head -1)\" >&2; exit 125; fi\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return check.toString();
  }

  /**
   * Shell lines that stop a step whose shell would run the tool on another runtime, or otherwise
   * than the run set it: each of {@code checked} must be as the workspace set it (or unset). A
   * hidden starting state that pointed {@code JAVA_HOME} at a fake {@code java}, preloaded a
   * library or gave the tool's launcher options would change every later step's output while the
   * tool's own file stayed the same.
   */
  private static String runtimeCheck(Map<String, String> env, List<String> checked) {
    StringBuilder check = new StringBuilder();
    for (String name : checked) {
      String value = env.get(name);
      String same =
          value == null
              ? "[ -z \"${" + name + "+set}\" ]"
              : "[ \"${" + name + "+set}\" = set ] && [ \"$" + name + "\" = " + quote(value) + " ]";
      check
          .append("if ! { ")
          .append(same)
          .append(
              "; }; then printf 'doctest: this step would run with %s changed (%s), which decides"
                  + " the runtime the tool runs on\\n' ")
          .append(name)
          .append(" \"${")
          .append(name)
          .append("-unset}\" >&2; exit 125; fi\n");
    }
    return check.toString();
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** Copies HOME, /tmp and the shell state into {@code dir}, to be put back by {@link #restore}. */
  public void saveTo(Path dir) {
    FileTrees.delete(dir);
    FileTrees.copy(home, dir.resolve("home"));
    FileTrees.copy(tmp, dir.resolve("tmp"));
    try {
      Files.createDirectories(dir.resolve("control"));
      for (String f : List.of("state.sh", "cwd")) {
        Optional<String> text = shellFile(f);
        if (text.isPresent()) {
          Files.writeString(dir.resolve("control").resolve(f), text.get());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts back what {@link #saveTo} copied: HOME, /tmp and the shell state. */
  public void restore(Path dir) {
    FileTrees.delete(home);
    FileTrees.copy(dir.resolve("home"), home);
    FileTrees.delete(tmp);
    FileTrees.copy(dir.resolve("tmp"), tmp);
    try {
      for (String f : List.of("state.sh", "cwd")) {
        Path saved = dir.resolve("control").resolve(f);
        if (Files.exists(saved)) {
          writeNew(shell.resolve(f), Files.readString(saved));
        } else {
          Files.deleteIfExists(shell.resolve(f));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the workspace's folder on this machine with {@code $WORK} for messages. */
  public String redactPaths(String text) {
    return text.replace(root.toString(), "$WORK");
  }

  @Override
  public void close() {
    FileTrees.delete(root);
  }
}
