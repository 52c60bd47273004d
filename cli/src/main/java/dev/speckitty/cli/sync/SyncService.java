package dev.speckitty.cli.sync;

import dev.speckitty.cli.config.ServerUrl;
import dev.speckitty.cli.core.Failure;
import dev.speckitty.cli.core.ServerText;
import dev.speckitty.cli.http.ApiErrors;
import dev.speckitty.cli.http.ServerUnreachableException;
import dev.speckitty.cli.queue.EventEnvelope;
import dev.speckitty.cli.queue.EventQueue;
import dev.speckitty.cli.queue.QueuedEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sync: push the queue in FIFO batches, then pull teammates' events page by page. Events leave
 * the queue only once the server has them; the pull cursor moves only with the events it covers. So
 * a sync can fail or be killed at any point, and the next one loses and duplicates nothing.
 */
public final class SyncService {
  /** Told after each pushed batch (for the progress bar). */
  public interface Progress {
    void pushed(int events, int batches, int totalEvents, int totalBatches);
  }

  /**
   * What the push did.
   *
   * @param pushed events the server now holds (success or duplicate)
   * @param batches batches sent
   * @param rejected events the server rejected (they stay queued)
   * @param reasons the first few rejections, {@code event_id (type): reason}
   * @param sent events sent
   * @param unanswered events sent that got no verdict (they stay queued)
   * @param setAside queued events that could not be read and were set aside
   */
  public record Pushed(
      int pushed,
      int batches,
      int rejected,
      List<String> reasons,
      int sent,
      int unanswered,
      int setAside) {}

  /**
   * What the pull did.
   *
   * @param added new events from teammates
   * @param skipped events that broke the API contract and were not stored
   * @param firstSkipped why the first of them was left out
   */
  public record Pulled(int added, int skipped, String firstSkipped) {}

  /** What a sync did. */
  public record Report(Pushed push, Pulled pull) {}

  static final int SHOWN_REASONS = 3;

  /** The most pages one sync pulls: a million events; the next sync goes on from there. */
  static final int MAX_PULL_PAGES = 1000;

  private final EventQueue queue;
  private final EventsApi api;
  private final String team;
  private final ServerUrl server;
  private final Clock clock;

  public SyncService(EventQueue queue, EventsApi api, String team, ServerUrl server, Clock clock) {
    this.queue = queue;
    this.api = api;
    this.team = team;
    this.server = server;
    this.clock = clock;
  }

  public Report sync(Progress progress) {
    try {
      Pushed pushed = push(progress);
      Pulled pulled = pull();
      queue.setLastSync(server, clock.instant());
      return new Report(pushed, pulled);
    } catch (ServerUnreachableException e) {
      throw ApiErrors.unreachable(server, e);
    }
  }

  private Pushed push(Progress progress) throws ServerUnreachableException {
    int setAsideBefore = queue.setAsideCount();
    int total = queue.queuedCount();
    int totalBatches = (total + EventsApi.MAX_BATCH - 1) / EventsApi.MAX_BATCH;
    long after = 0;
    int pushed = 0;
    int batches = 0;
    int rejected = 0;
    int sent = 0;
    int unanswered = 0;
    List<String> reasons = new ArrayList<>();
    while (true) {
      List<QueuedEvent> batch = queue.queued(after, EventsApi.MAX_BATCH);
      if (batch.isEmpty()) {
        break;
      }
      after = batch.get(batch.size() - 1).seq();
      Map<String, EventEnvelope> byId = new LinkedHashMap<>();
      batch.forEach(q -> byId.put(q.envelope().eventId(), forTeam(q.envelope())));
      List<PushResult> results = api.push(List.copyOf(byId.values()));
      batches++;
      List<String> stored = new ArrayList<>();
      Map<String, String> refused = new HashMap<>();
      for (PushResult r : results) {
        if (!byId.containsKey(r.eventId())
            || stored.contains(r.eventId())
            || refused.containsKey(r.eventId())) {
          continue; // not ours, or a second verdict on one event
        }
        if (r.stored()) {
          stored.add(r.eventId());
        } else if (r.rejected()) {
          String why =
              r.error() == null || r.error().isBlank()
                  ? "rejected"
                  : ServerText.sanitize(r.error());
          refused.put(r.eventId(), why);
          if (reasons.size() < SHOWN_REASONS) {
            reasons.add(r.eventId() + " (" + byId.get(r.eventId()).eventType() + "): " + why);
          }
        }
      }
      queue.markSynced(stored);
      queue.markRejected(refused);
      pushed += stored.size();
      rejected += refused.size();
      sent += byId.size();
      unanswered += byId.size() - stored.size() - refused.size();
      progress.pushed(pushed + rejected, batches, total, Math.max(totalBatches, batches));
      if (stored.isEmpty()) {
        break; // the batch made no progress: do not hammer the server with the rest
      }
    }
    return new Pushed(
        pushed,
        batches,
        rejected,
        reasons,
        sent,
        unanswered,
        queue.setAsideCount() - setAsideBefore);
  }

  private EventEnvelope forTeam(EventEnvelope e) {
    return EventEnvelope.LOCAL_TEAM.equals(e.teamSlug()) ? e.withTeam(team) : e;
  }

  /**
   * Pulls page after page while the server says more follow. A server whose cursor does not move,
   * or whose pages never end, stops the pull with a message instead of looping.
   */
  private Pulled pull() throws ServerUnreachableException {
    String cursor = queue.pullCursor(server).orElse("");
    int added = 0;
    int skipped = 0;
    String firstSkipped = "";
    for (int pages = 1; ; pages++) {
      PullPage page = api.pull(cursor, EventsApi.MAX_BATCH, queue.nodeId());
      added += queue.storePulled(page.events(), server, page.nextCursor(), clock.instant());
      if (skipped == 0 && !page.skipped().isEmpty()) {
        firstSkipped = page.skipped().get(0);
      }
      skipped += page.skipped().size();
      if (!page.hasMore()) {
        return new Pulled(added, skipped, firstSkipped);
      }
      if (page.nextCursor().equals(cursor)) {
        throw Failure.PULL_STUCK.with("cursor", ServerText.sanitize(cursor));
      }
      if (pages == MAX_PULL_PAGES) {
        throw Failure.PULL_TOO_LONG.with("pages", MAX_PULL_PAGES);
      }
      cursor = page.nextCursor();
    }
  }

  /** {@code 1 event}, {@code 2 events}. */
  public static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
