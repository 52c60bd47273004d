package dev.speckitty.cli.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.speckitty.cli.core.CliException;
import dev.speckitty.cli.core.Failure;
import dev.speckitty.cli.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A feature folder {@code kitty-specs/NNN-slug/}: spec, plan, tasks and work packages, with its
 * facts (title, acceptance) in {@code meta.json}.
 *
 * @param dir the feature folder
 * @param id {@code 001-photo-gallery}
 * @param title the title given to {@code specify}
 */
public record Feature(Path dir, String id, String title) {
  private static final Pattern DIR_NAME = Pattern.compile("(\\d{3})-[a-z0-9-]+");

  public Path spec() {
    return dir.resolve("spec.md");
  }

  public Path plan() {
    return dir.resolve("plan.md");
  }

  public Path tasksIndex() {
    return dir.resolve("tasks.md");
  }

  public Path tasksDir() {
    return dir.resolve("tasks");
  }

  /** The feature's path relative to the project root, as printed to the user. */
  public String relative(Project project, Path file) {
    return project.root().relativize(file).toString();
  }

  /** Every feature of the project, by number. */
  public static List<Feature> all(Project project) {
    if (!Files.isDirectory(project.specsDir())) {
      return List.of();
    }
    List<Feature> features = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(project.specsDir())) {
      for (Path d : dirs.sorted().toList()) {
        if (Files.isDirectory(d) && DIR_NAME.matcher(d.getFileName().toString()).matches()) {
          features.add(read(d));
        }
      }
    } catch (IOException e) {
      throw ioFailure(project.specsDir(), e);
    }
    return features;
  }

  private static Feature read(Path dir) {
    String id = dir.getFileName().toString();
    Path meta = dir.resolve("meta.json");
    String title = id;
    if (Files.isRegularFile(meta)) {
      try {
        title = Json.mapper().readTree(meta.toFile()).path("title").asText(id);
      } catch (IOException e) {
        throw ioFailure(meta, e);
      }
    }
    return new Feature(dir, id, title);
  }

  /** The feature {@code wanted} names (full id or its number), or the newest one when empty. */
  public static Feature select(Project project, Optional<String> wanted) {
    List<Feature> features = all(project);
    if (features.isEmpty()) {
      throw Failure.NO_FEATURE_YET.with();
    }
    if (wanted.isEmpty()) {
      return features.get(features.size() - 1);
    }
    String w = wanted.get();
    return features.stream()
        .filter(f -> f.id().equals(w) || f.number() == parseNumber(w))
        .findFirst()
        .orElseThrow(
            () ->
                Failure.NO_SUCH_FEATURE.with(
                    "feature",
                    w,
                    "features",
                    String.join(", ", features.stream().map(Feature::id).toList())));
  }

  private static int parseNumber(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public int number() {
    Matcher m = DIR_NAME.matcher(id);
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** Creates {@code kitty-specs/NNN-slug/} with the next free number, through {@code files}. */
  static Feature create(Project project, String title, Instant now, FileChanges files) {
    String slug = Project.slugify(title);
    if (slug.isEmpty()) {
      throw Failure.BAD_FEATURE_TITLE.with();
    }
    int next = all(project).stream().mapToInt(Feature::number).max().orElse(0) + 1;
    String id = "%03d-%s".formatted(next, slug);
    Path dir = project.specsDir().resolve(id);
    ObjectNode meta = Json.mapper().createObjectNode();
    meta.put("feature_id", id);
    meta.put("number", next);
    meta.put("title", title);
    meta.put("created_at", now.toString());
    try {
      files.write(dir.resolve("meta.json"), Json.mapper().writeValueAsString(meta) + "\n");
    } catch (IOException e) {
      throw ioFailure(dir, e);
    }
    return new Feature(dir, id, title);
  }

  /** When the feature was accepted, if it was. */
  public Optional<String> acceptedAt() {
    return metaField("accepted_at");
  }

  private Optional<String> metaField(String name) {
    Path meta = dir.resolve("meta.json");
    try {
      JsonNode n = Json.mapper().readTree(meta.toFile());
      return Optional.ofNullable(n.get(name)).map(JsonNode::asText);
    } catch (IOException e) {
      throw ioFailure(meta, e);
    }
  }

  void setMeta(String name, String value, FileChanges files) {
    Path meta = dir.resolve("meta.json");
    try {
      if (!(Json.mapper().readTree(meta.toFile()) instanceof ObjectNode n)) {
        throw new IOException("not a JSON object");
      }
      n.put(name, value);
      files.write(meta, Json.mapper().writeValueAsString(n) + "\n");
    } catch (IOException e) {
      throw ioFailure(meta, e);
    }
  }

  /** The work packages in {@code tasks/}, by id. */
  public List<WorkPackage> workPackages() {
    if (!Files.isDirectory(tasksDir())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(tasksDir())) {
      List<WorkPackage> wps = new ArrayList<>();
      for (Path f :
          files.filter(p -> p.getFileName().toString().matches("WP\\d+.*\\.md")).toList()) {
        wps.add(WorkPackage.read(f));
      }
      wps.sort(Comparator.comparing(WorkPackage::id));
      return wps;
    } catch (IOException e) {
      throw ioFailure(tasksDir(), e);
    }
  }

  static CliException ioFailure(Path path, IOException e) {
    if (String.valueOf(e.getMessage()).contains("No space left on device")) {
      return Failure.DISK_FULL.with("file", path);
    }
    return Failure.FILE_FAILED.with("file", path, "reason", e.getMessage());
  }
}
