package dev.speckitty.cli.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.speckitty.cli.core.Failure;
import dev.speckitty.cli.core.Json;
import dev.speckitty.cli.queue.ProjectRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A spec-kitty project: a folder whose {@code .kittify/project.json} holds its identity (uuid,
 * slug), found from any directory inside it.
 *
 * @param root the project folder
 * @param uuid stable identity, stamped on every event
 * @param slug readable name
 */
public record Project(Path root, String uuid, String slug) {
  static final String MARKER = ".kittify/project.json";

  public ProjectRef ref() {
    return new ProjectRef(uuid, slug);
  }

  /** {@code .kittify/lock}: held by the command that is changing the project. */
  public Path lockFile() {
    return root.resolve(".kittify/lock");
  }

  /** {@code kitty-specs/}, where features live. */
  public Path specsDir() {
    return root.resolve("kitty-specs");
  }

  /** Turns a title or name into a slug: {@code Photo Gallery!} → {@code photo-gallery}. */
  public static String slugify(String text) {
    String slug =
        text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    return slug.length() > 48 ? slug.substring(0, 48).replaceAll("-+$", "") : slug;
  }

  /** The project containing {@code dir}, or the "not inside a project" error. */
  public static Project find(Path dir) {
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      Path marker = d.resolve(MARKER);
      if (Files.isRegularFile(marker)) {
        try {
          JsonNode n = Json.mapper().readTree(marker.toFile());
          return new Project(d, n.path("uuid").asText(), n.path("slug").asText());
        } catch (IOException e) {
          throw Failure.PROJECT_UNREADABLE.with("file", marker, "reason", e.getMessage());
        }
      }
    }
    throw Failure.NOT_IN_PROJECT.with();
  }

  /** Creates the folder {@code parent/name} with a new identity, through {@code files}. */
  static Project create(Path parent, String name, Instant now, FileChanges files) {
    String slug = slugify(name);
    if (slug.isEmpty()) {
      throw Failure.BAD_PROJECT_NAME.with("name", name);
    }
    Path root = parent.resolve(name).toAbsolutePath().normalize();
    if (Files.exists(root.resolve(MARKER))) {
      throw Failure.ALREADY_A_PROJECT.with("name", name);
    }
    try {
      if (Files.isDirectory(root)) {
        try (var entries = Files.list(root)) {
          if (entries.findAny().isPresent()) {
            throw Failure.FOLDER_NOT_EMPTY.with("name", name);
          }
        }
      }
      files.createDirectories(root.resolve(".kittify"));
      files.createDirectories(root.resolve("kitty-specs"));
      Project project = new Project(root, UUID.randomUUID().toString(), slug);
      ObjectNode n = Json.mapper().createObjectNode();
      n.put("uuid", project.uuid());
      n.put("slug", slug);
      n.put("name", name);
      n.put("created_at", now.toString());
      files.write(root.resolve(MARKER), Json.mapper().writeValueAsString(n) + "\n");
      return project;
    } catch (IOException e) {
      throw Failure.PROJECT_NOT_CREATED.with("folder", root, "reason", e.getMessage());
    }
  }
}
