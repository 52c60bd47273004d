package dev.speckitty.cli.workflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A work package file {@code tasks/WP01-slug.md}: its lane and history live in the front matter, as
 * in spec-kitty, so the file is the truth and events are its record.
 *
 * @param file the Markdown file
 * @param id {@code WP01}
 * @param title what the package delivers
 * @param lane where it is on the board
 */
public record WorkPackage(Path file, String id, String title, Lane lane) {

  static WorkPackage read(Path file) {
    try {
      FrontMatter fm = FrontMatter.parse(Files.readString(file));
      return new WorkPackage(
          file,
          fm.fields().path("work_package_id").asText(),
          fm.fields().path("title").asText(),
          Lane.of(fm.fields().path("lane").asText("planned")));
    } catch (IOException | IllegalArgumentException e) {
      throw Feature.ioFailure(file, new IOException(e.getMessage(), e));
    }
  }

  static WorkPackage create(
      Feature feature, String id, String title, Instant now, FileChanges files) {
    Path file = feature.tasksDir().resolve(id + "-" + Project.slugify(title) + ".md");
    ObjectNode fields = FrontMatter.newFields();
    fields.put("work_package_id", id);
    fields.put("title", title);
    fields.put("feature", feature.id());
    fields.put("lane", Lane.PLANNED.id());
    fields.putArray("history").add(historyEntry(now, Lane.PLANNED, "Created by spec-kitty tasks"));
    String body =
        """

        # Work Package %s – %s

        Part of feature %s (%s). See [the plan](../plan.md).

        ## Objective

        %s.

        ## Definition of done

        - [ ] Implemented
        - [ ] Tested
        - [ ] Reviewed
        """
            .formatted(id, title, feature.id(), feature.title(), title);
    try {
      files.write(file, new FrontMatter(fields, body).render());
    } catch (IOException e) {
      throw Feature.ioFailure(file, e);
    }
    return new WorkPackage(file, id, title, Lane.PLANNED);
  }

  /** Rewrites the file with the new lane and one more history entry. */
  WorkPackage moveTo(Lane to, Instant now, String action, FileChanges files) {
    try {
      FrontMatter fm = FrontMatter.parse(Files.readString(file));
      fm.fields().put("lane", to.id());
      ArrayNode history =
          fm.fields().has("history") && fm.fields().get("history").isArray()
              ? (ArrayNode) fm.fields().get("history")
              : fm.fields().putArray("history");
      history.add(historyEntry(now, to, action));
      files.write(file, fm.render());
      return new WorkPackage(file, id, title, to);
    } catch (IOException e) {
      throw Feature.ioFailure(file, e);
    }
  }

  private static ObjectNode historyEntry(Instant now, Lane lane, String action) {
    ObjectNode entry = FrontMatter.newFields();
    entry.put("timestamp", now.toString());
    entry.put("lane", lane.id());
    entry.put("action", action);
    return entry;
  }
}
