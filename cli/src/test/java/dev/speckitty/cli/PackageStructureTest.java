package dev.speckitty.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CLI's packages form layers without cycles: {@code core} at the bottom, the command tree (the
 * root package) at the top. Read from the sources, imports and fully qualified names alike.
 */
class PackageStructureTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/speckitty/cli");
  private static final Pattern REFERENCE = Pattern.compile("dev\\.speckitty\\.cli\\.(\\w+)");
  private static final String ROOT = "(root)";

  /** What each package may use; the root package (the command tree) may use everything. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "core", Set.of(),
          "config", Set.of("core"),
          "http", Set.of("core", "config"),
          "queue", Set.of("core", "config"),
          "auth", Set.of("core", "config", "http"),
          "sync", Set.of("core", "config", "http", "queue", "auth"),
          "workflow", Set.of("core", "config", "queue", "auth"));

  private static Map<String, Set<String>> uses;
  private static Map<String, Set<String>> files;

  @BeforeAll
  static void readSources() throws IOException {
    uses = new TreeMap<>();
    files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(SOURCES)) {
      for (Path f : all.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path dir = SOURCES.relativize(f.getParent());
        String pkg = dir.toString().isEmpty() ? ROOT : dir.toString().replace('/', '.');
        files.computeIfAbsent(pkg, k -> new TreeSet<>()).add(f.getFileName().toString());
        Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(Files.readString(f));
        while (m.find()) {
          String target = Character.isUpperCase(m.group(1).charAt(0)) ? ROOT : m.group(1);
          if (!target.equals(pkg)) {
            used.add(target);
          }
        }
      }
    }
  }

  @Test
  void eachPackageUsesOnlyTheLayersBelowIt() {
    assertThat(uses.keySet()).containsExactlyInAnyOrderElementsOf(withRoot(ALLOWED.keySet()));
    for (Map.Entry<String, Set<String>> p : ALLOWED.entrySet()) {
      assertThat(uses.get(p.getKey())).as("packages %s uses", p.getKey()).isSubsetOf(p.getValue());
    }
  }

  @Test
  void thePackageGraphHasNoCycle() {
    for (String start : uses.keySet()) {
      assertThat(cycleFrom(start, new ArrayList<>())).as("cycle through " + start).isEmpty();
    }
  }

  @Test
  void theRootPackageHoldsOnlyTheCommandTree() {
    assertThat(files.get(ROOT))
        .containsExactlyInAnyOrder(
            "Main.java", "SpecKittyCommand.java", "Training.java", "package-info.java");
  }

  @Test
  void everyPackageSaysWhatItIsFor() {
    files.forEach((pkg, names) -> assertThat(names).as(pkg).contains("package-info.java"));
  }

  private static List<String> cycleFrom(String pkg, List<String> path) {
    if (path.contains(pkg)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(pkg), path.size()));
      cycle.add(pkg);
      return cycle;
    }
    path.add(pkg);
    for (String next : uses.getOrDefault(pkg, Set.of())) {
      List<String> cycle = cycleFrom(next, path);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    return List.of();
  }

  private static Set<String> withRoot(Set<String> packages) {
    Set<String> all = new TreeSet<>(packages);
    all.add(ROOT);
    return all;
  }
}
