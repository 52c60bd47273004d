package dev.speckitty.docs;

import dev.speckitty.cli.Main;
import dev.speckitty.cli.config.ConfigLoader;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.ExitCode;
import dev.speckitty.cli.core.StatePaths;
import dev.speckitty.cli.core.VersionProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every name the CLI really has, read from the CLI itself — never typed into a test: the picocli
 * model (commands, their options), the version, the config file's sections and keys ({@link
 * ConfigLoader#KEYS}), the {@code SPEC_KITTY_*} variables the CLI and its launcher read (found in
 * their sources, as the configuration reference test finds them), the files of {@link StatePaths}
 * and the {@link ExitCode}s.
 */
final class CliNames {
  private static final Pattern SPEC_KITTY_VAR = Pattern.compile("SPEC_KITTY_[A-Z0-9_]+");

  /** The one instance: the model is built once per test run. */
  static final CliNames CLI = new CliNames(Docs.ROOT.resolveSibling("cli").resolve("src/main"));

  final CommandSpec root;
  final String version;
  final Map<String, List<String>> settings = ConfigLoader.KEYS;
  final Set<String> variables;
  final Set<String> stateFiles;
  final List<Integer> exitCodes =
      Arrays.stream(ExitCode.values()).map(ExitCode::code).sorted().toList();

  private CliNames(Path cliSources) {
    root = Main.commandLine(CliContext.detached()).getCommandSpec();
    version = VersionProvider.version();
    variables = variablesIn(cliSources);
    stateFiles = stateFiles();
  }

  /** Every option name of {@code command}, the inherited help options included. */
  static Set<String> options(CommandSpec command) {
    Set<String> names = new TreeSet<>();
    for (OptionSpec o : command.options()) {
      names.addAll(Arrays.asList(o.names()));
    }
    return names;
  }

  /** Every command below the root, the root's own options aside. */
  List<CommandSpec> commands() {
    return Stream.concat(Stream.of(root), descendants(root)).toList();
  }

  private static Stream<CommandSpec> descendants(CommandSpec spec) {
    return spec.subcommands().values().stream()
        .map(cl -> cl.getCommandSpec())
        .distinct()
        .flatMap(s -> Stream.concat(Stream.of(s), descendants(s)));
  }

  /** Every option name of any command. */
  Set<String> allOptions() {
    Set<String> names = new TreeSet<>();
    commands().forEach(c -> names.addAll(options(c)));
    return names;
  }

  /** Every key of every section. */
  Set<String> allKeys() {
    Set<String> keys = new TreeSet<>();
    settings.values().forEach(keys::addAll);
    return keys;
  }

  private static Set<String> variablesIn(Path sources) {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Matcher m = SPEC_KITTY_VAR.matcher(Files.readString(f));
        while (m.find()) {
          names.add(m.group());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("no SPEC_KITTY_* variable found under " + sources);
    }
    return names;
  }

  /** The names of the files {@link StatePaths} puts in {@code ~/.spec-kitty/}. */
  private static Set<String> stateFiles() {
    StatePaths paths = StatePaths.inHome(Path.of("/home/reader"));
    Set<String> names = new TreeSet<>();
    for (Method m : StatePaths.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())
          && !Modifier.isStatic(m.getModifiers())
          && m.getParameterCount() == 0
          && m.getReturnType() == Path.class) {
        try {
          Path p = (Path) m.invoke(paths);
          if (p.getParent() != null && p.getParent().equals(paths.dir())) {
            names.add(p.getFileName().toString());
          }
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }
}
