package dev.speckitty.docs;

import dev.doctest.prose.Closest;
import dev.doctest.prose.FileBlock;
import dev.doctest.prose.Finding;
import dev.speckitty.cli.config.ConfigLoader;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.CliException;
import dev.speckitty.cli.core.StatePaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A {@code ~/.spec-kitty/config.toml} a page tells its reader to write, read by the CLI's own
 * {@link ConfigLoader} in a throw-away home: every setting the CLI would warn about, and anything
 * that would make it refuse the file, is a finding at the page line it comes from — so the page
 * gets the same help the CLI gives its reader.
 */
final class ConfigExample {
  private static final Pattern WARNING =
      Pattern.compile("Unknown setting '([^']+)' in \\S*?config\\.toml(?::(\\d+))?");

  /** The file's line in a refusal: {@code config.toml:2: …} or {@code … at line 2.} */
  private static final Pattern REFUSAL_LINE =
      Pattern.compile("config\\.toml:(\\d+)|config\\.toml: .*? at line (\\d+)\\.");

  private final CliNames cli;

  ConfigExample(CliNames cli) {
    this.cli = cli;
  }

  List<Finding> check(FileBlock file) {
    Path home;
    try {
      home = Files.createTempDirectory("prose-config-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      StatePaths state = StatePaths.inHome(home);
      Files.createDirectories(state.dir());
      Files.writeString(state.config(), file.content());
      CliContext ctx =
          new CliContext(
              Map.of(), home, home, InputStream.nullInputStream(), false, Clock.systemUTC());
      List<String> warnings = new ArrayList<>();
      List<Finding> findings = new ArrayList<>();
      try {
        new ConfigLoader(ctx, warnings::add).server();
      } catch (CliException refused) {
        // A file written to fail: the page's own steps show this refusal, and the run checks it.
        if (!file.writtenToFail()) {
          String message = String.join(" ", refused.lines()).replace(home.toString(), "~");
          Matcher line = REFUSAL_LINE.matcher(message);
          findings.add(
              new Finding(
                  line.find()
                      ? file.line(
                          Integer.parseInt(line.group(1) != null ? line.group(1) : line.group(2)))
                      : file.at(),
                  "the CLI refuses this config file: " + message));
        }
      }
      for (String warning : warnings) {
        Matcher m = WARNING.matcher(warning);
        if (!m.find()) {
          findings.add(new Finding(file.at(), "the CLI warns about this config file: " + warning));
          continue;
        }
        String setting = m.group(1);
        int line = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        List<String> known =
            setting.startsWith("[")
                ? cli.settings.keySet().stream().map(s -> "[" + s + "]").toList()
                : List.copyOf(cli.allKeys());
        findings.add(
            new Finding(
                file.line(line),
                "the CLI does not know the setting `"
                    + setting
                    + "` in "
                    + file.path()
                    + ": it ignores it and warns"
                    + Closest.didYouMean(setting, known)));
      }
      return findings;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(home);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
