package dev.speckitty.cli.workflow;

import java.util.List;
import java.util.Locale;

/**
 * The kanban lanes a work package moves through: {@code planned → doing → for_review → done}, with
 * the way back from review when changes are requested.
 */
public enum Lane {
  PLANNED,
  DOING,
  FOR_REVIEW,
  DONE;

  /** The lane as written in files, events and on the command line: {@code for_review}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Lane of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  /** The lanes a work package in this lane may move to, forward first. */
  public List<Lane> next() {
    return switch (this) {
      case PLANNED -> List.of(DOING);
      case DOING -> List.of(FOR_REVIEW, PLANNED);
      case FOR_REVIEW -> List.of(DONE, DOING, PLANNED);
      case DONE -> List.of();
    };
  }

  @Override
  public String toString() {
    return id();
  }
}
