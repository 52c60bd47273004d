package dev.speckitty.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.cli.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/reference/configuration.md} against the CLI: every config key and every {@code
 * SPEC_KITTY_*} variable the CLI or its launcher reads is documented, and nothing else.
 */
class ConfigurationReferenceTest {
  private static final Path CLI = Docs.ROOT.resolveSibling("cli").resolve("src/main");
  private static final Pattern SPEC_KITTY_VAR = Pattern.compile("SPEC_KITTY_[A-Z_]+");

  private static String reference() throws IOException {
    return Files.readString(Docs.ROOT.resolve("reference/configuration.md"));
  }

  private static Set<String> readByTheCli() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(CLI)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Matcher m = SPEC_KITTY_VAR.matcher(Files.readString(f));
        while (m.find()) {
          names.add(m.group());
        }
      }
    }
    return names;
  }

  private static Set<String> documentedVariables() throws IOException {
    Set<String> names = new TreeSet<>();
    for (String line : reference().lines().toList()) {
      Matcher m = Pattern.compile("^\\| `(SPEC_KITTY_[A-Z_]+)` \\|").matcher(line);
      if (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  @Test
  void everyEnvironmentVariableTheCliReadsIsDocumentedAndNothingElse() throws IOException {
    assertThat(readByTheCli()).isNotEmpty();
    assertThat(documentedVariables()).isEqualTo(readByTheCli());
  }

  @Test
  void everyConfigKeyIsDocumented() throws IOException {
    String reference = reference();
    int rows = 0;
    for (var section : ConfigLoader.KEYS.entrySet()) {
      for (String key : section.getValue()) {
        assertThat(reference).contains("| `[" + section.getKey() + "]` | `" + key + "` |");
        rows++;
      }
    }
    long documentedRows =
        reference.lines().filter(l -> l.matches("^\\| `\\[[a-z_]+]` \\| `[a-z_]+` \\|.*")).count();
    assertThat(documentedRows).isEqualTo(rows);
  }

  @Test
  void theServerSectionHasTheAnchorTheTutorialLinksTo() throws IOException {
    assertThat(reference().lines().toList()).contains("## Server Configuration (2.x)");
  }

  @Test
  void theLauncherScriptIsScannedToo() throws IOException {
    assertThat(Files.readString(CLI.resolve("dist/bin/spec-kitty")))
        .contains("SPEC_KITTY_JAVA_OPTS");
    assertThat(List.copyOf(readByTheCli()))
        .contains("SPEC_KITTY_JAVA_OPTS", "SPEC_KITTY_SERVER_URL");
  }
}
