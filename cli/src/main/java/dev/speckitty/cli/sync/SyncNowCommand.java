package dev.speckitty.cli.sync;

import dev.speckitty.cli.auth.AuthenticatedClient;
import dev.speckitty.cli.auth.CredentialStore;
import dev.speckitty.cli.auth.Credentials;
import dev.speckitty.cli.config.ConfigLoader;
import dev.speckitty.cli.config.ServerConfig;
import dev.speckitty.cli.core.BaseCommand;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.ExitCode;
import dev.speckitty.cli.http.HttpTransport;
import dev.speckitty.cli.queue.EventQueue;
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
      "Rejected events stay queued and are reported; exit code 1 when any remain."
    })
final class SyncNowCommand extends BaseCommand {
  SyncNowCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  protected ExitCode execute() {
    ServerConfig config = new ConfigLoader(ctx).requireServer();
    CredentialStore store = new CredentialStore(ctx.state());
    AuthenticatedClient client =
        new AuthenticatedClient(
            new HttpTransport(ctx.httpTimeout()), store, config.url(), ctx.clock());
    Credentials session = client.session();
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
    out()
        .println(
            "↑ Pushed "
                + SyncService.count(report.pushed(), "event", "events")
                + " ("
                + SyncService.count(report.batches(), "batch", "batches")
                + ")");
    if (report.rejected() > 0) {
      out().println("⚠ " + SyncService.count(report.rejected(), "event", "events") + " rejected");
      report.reasons().forEach(r -> out().println("   " + r));
    }
    out().println("↓ Pulled " + SyncService.count(report.pulled(), "new event", "new events"));
    if (report.rejected() > 0) {
      out()
          .println(
              "⚠ Sync finished; "
                  + SyncService.count(
                      report.rejected(), "rejected event stays", "rejected events stay")
                  + " queued.");
      return ExitCode.FAILURE;
    }
    out().println("✅ Sync complete");
    return ExitCode.OK;
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
