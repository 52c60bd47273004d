package dev.speckitty.cli.sync;

import dev.speckitty.cli.auth.AuthenticatedClient;
import dev.speckitty.cli.auth.CredentialStore;
import dev.speckitty.cli.auth.Credentials;
import dev.speckitty.cli.config.ConfigLoader;
import dev.speckitty.cli.config.ServerConfig;
import dev.speckitty.cli.core.BaseCommand;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.CliException;
import dev.speckitty.cli.core.ExclusiveLock;
import dev.speckitty.cli.core.ExitCode;
import dev.speckitty.cli.core.Failure;
import dev.speckitty.cli.http.HttpTransport;
import dev.speckitty.cli.queue.EventQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;

/** {@code spec-kitty sync now}. */
@Command(
    name = "now",
    header = "Push queued events to the server and pull your teammates' events.",
    description = {
      "Pushes the queue in batches of up to 1000 events (oldest first), then pulls new events."
          + " An event leaves the queue only when the server has stored it, so an interrupted"
          + " sync loses nothing and a rerun duplicates nothing.",
      "Rejected events stay queued and are reported; exit code 1 when any remain, or when the"
          + " server gave no verdict on an event it was sent.",
      "One sync runs at a time: a second one waits up to 3 seconds, then stops."
    })
final class SyncNowCommand extends BaseCommand {
  SyncNowCommand(CliContext ctx) {
    super(ctx);
  }

  /** How long a second {@code sync now} waits for the first before it gives up. */
  static final Duration SYNC_WAIT = Duration.ofSeconds(3);

  private static final Set<Failure> NEED_LOGIN =
      Set.of(Failure.NOT_AUTHENTICATED, Failure.SESSION_EXPIRED, Failure.SESSION_FOR_OTHER_SERVER);

  @Override
  protected ExitCode execute() {
    try {
      return sync();
    } catch (CliException e) {
      throw e.exitCode() == ExitCode.FAILURE ? e.and(stillQueued(e.failure())) : e;
    }
  }

  private ExitCode sync() {
    ServerConfig config = new ConfigLoader(ctx, this::warn).requireServer();
    CredentialStore store = new CredentialStore(ctx.state());
    try (HttpTransport http = new HttpTransport(ctx.httpTimeout(), config.url().isHttps())) {
      return sync(config, new AuthenticatedClient(http, store, config.url(), ctx.clock()));
    }
  }

  @SuppressWarnings("try") // the lock is held by being open, not by being used
  private ExitCode sync(ServerConfig config, AuthenticatedClient client) {
    Credentials session = client.session();
    try (ExclusiveLock lock = syncLock()) {
      out().println("Syncing with " + config.url() + "...");
      out().flush();
      SyncService.Report report;
      try (EventQueue queue = EventQueue.open(ctx.state().queue());
          ProgressDisplay progress = new ProgressDisplay(ctx.interactive())) {
        report =
            new SyncService(
                    queue, new EventsApi(client), session.teamSlug(), config.url(), ctx.clock())
                .sync(progress);
      }
      return report(report);
    } catch (IOException e) {
      throw Failure.QUEUE_FAILED.with(
          "verb", "lock", "file", ctx.state().syncLock(), "reason", e.getMessage());
    }
  }

  /** The sync lock: one {@code sync now} at a time, a second one waits a little. */
  private ExclusiveLock syncLock() throws IOException {
    Files.createDirectories(ctx.state().dir());
    return ExclusiveLock.tryAcquire(ctx.state().syncLock(), SYNC_WAIT)
        .orElseThrow(() -> Failure.SYNC_RUNNING.with());
  }

  private ExitCode report(SyncService.Report report) {
    SyncService.Pushed push = report.push();
    SyncService.Pulled pull = report.pull();
    out()
        .println(
            "↑ Pushed "
                + SyncService.count(push.pushed(), "event", "events")
                + " ("
                + SyncService.count(push.batches(), "batch", "batches")
                + ")");
    if (push.rejected() > 0) {
      out().println("⚠ " + SyncService.count(push.rejected(), "event", "events") + " rejected");
      push.reasons().forEach(r -> out().println("   " + r));
    }
    if (push.setAside() > 0) {
      print(Failure.QUEUED_EVENTS_SET_ASIDE.lines("count", push.setAside()));
    }
    out().println("↓ Pulled " + SyncService.count(pull.added(), "new event", "new events"));
    if (pull.skipped() > 0) {
      print(
          Failure.PULLED_EVENTS_SKIPPED.lines(
              "count", pull.skipped(), "reason", pull.firstSkipped()));
    }
    if (push.unanswered() > 0) {
      out().flush();
      throw Failure.UNANSWERED_EVENTS.with(
          "answered", push.sent() - push.unanswered(), "sent", push.sent());
    }
    if (push.rejected() > 0) {
      out()
          .println(
              "⚠ Sync finished; "
                  + SyncService.count(
                      push.rejected(), "rejected event stays", "rejected events stay")
                  + " queued.");
      return ExitCode.FAILURE;
    }
    out().println("✅ Sync complete");
    return ExitCode.OK;
  }

  /** The line every failed sync ends with: how many events wait, and what to run. */
  private List<String> stillQueued(Failure failure) {
    int left;
    try {
      if (!Files.exists(ctx.state().queue())) {
        left = 0;
      } else {
        try (EventQueue queue = EventQueue.open(ctx.state().queue())) {
          left = queue.queuedCount();
        }
      }
    } catch (CliException unreadable) {
      return List.of(); // the queue itself is what failed; its message says so
    }
    if (left == 0) {
      return Failure.QUEUED_NONE.lines();
    }
    String queued = left + (left == 1 ? " event remains" : " events remain");
    return NEED_LOGIN.contains(failure)
        ? Failure.QUEUED_AFTER_LOGIN.lines("queued", queued)
        : Failure.QUEUED_RETRY.lines("queued", queued);
  }

  /** A progress bar on stderr, only on a terminal and only when there is more than one batch. */
  private static final class ProgressDisplay implements SyncService.Progress, AutoCloseable {
    private final boolean terminal;
    private ProgressBar bar;

    ProgressDisplay(boolean terminal) {
      this.terminal = terminal;
    }

    @Override
    public void pushed(int events, int batches, int totalEvents, int totalBatches) {
      if (!terminal || totalBatches < 2) {
        return;
      }
      if (bar == null) {
        bar =
            new ProgressBarBuilder()
                .setTaskName("Pushing")
                .setInitialMax(totalEvents)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" events", 1)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(200)
                .build();
      }
      bar.stepTo(events);
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
