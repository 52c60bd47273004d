package dev.speckitty.cli.workflow;

import dev.speckitty.cli.auth.CredentialStore;
import dev.speckitty.cli.auth.Credentials;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.CliException;
import dev.speckitty.cli.queue.EventEnvelope;
import dev.speckitty.cli.queue.EventQueue;
import dev.speckitty.cli.queue.NewEvent;
import java.time.Instant;
import java.util.List;

/** Records a command's events in the queue, stamped with the team of the current login. */
final class EventRecorder {
  private final CliContext ctx;

  EventRecorder(CliContext ctx) {
    this.ctx = ctx;
  }

  List<EventEnvelope> record(Project project, List<NewEvent> events, Instant now) {
    try (EventQueue queue = EventQueue.open(ctx.state().queue())) {
      return queue.append(events, project.ref(), team(), now);
    }
  }

  private String team() {
    try {
      return new CredentialStore(ctx.state())
          .load()
          .map(Credentials::teamSlug)
          .filter(t -> !t.isBlank())
          .orElse(EventEnvelope.LOCAL_TEAM);
    } catch (CliException damagedCredentials) {
      return EventEnvelope.LOCAL_TEAM;
    }
  }
}
