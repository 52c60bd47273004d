package dev.speckitty.cli.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.cli.InProcessCli;
import dev.speckitty.cli.InProcessCli.Result;
import dev.speckitty.cli.queue.EventEnvelope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two workflow commands on one project at the same moment: the second sees what the first did. The
 * commands run on two threads whose clock makes each wait for the other the first time it is read —
 * which a step does once its checks are done — so without a project lock both are sure to pass
 * their checks before either writes; with the lock the second never gets there, and the first goes
 * on after {@link #MEET}.
 */
class ConcurrentWorkflowTest {
  static final long MEET = 2_000;

  @RegisterExtension InProcessCli cli = new InProcessCli();

  private final WorkflowSteps steps = new WorkflowSteps(cli);

  /** A fixed clock whose first reading on each thread waits for the other thread's first. */
  static final class MeetingClock extends Clock {
    private final CyclicBarrier barrier = new CyclicBarrier(2);
    private final ThreadLocal<Boolean> met = ThreadLocal.withInitial(() -> false);
    private final Instant now;

    MeetingClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      if (!met.get()) {
        met.set(true);
        try {
          barrier.await(MEET, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | BrokenBarrierException e) {
          // The other command is not coming (it waits for the lock): go on alone.
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private List<String> eventTypes() {
    return steps.events().stream().map(EventEnvelope::eventType).toList();
  }

  private List<Result> twice(String... args) throws Exception {
    MeetingClock clock = new MeetingClock(cli.now());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Result> a = pool.submit(() -> cli.runWithClock(clock, args));
      Future<Result> b = pool.submit(() -> cli.runWithClock(clock, args));
      return List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }

  /** One of the two runs succeeded; the other exited 1 with an error starting {@code refusal}. */
  private static void assertOneRanAndTheOtherWasRefusedWith(List<Result> runs, String refusal) {
    assertThat(runs).extracting(Result::exitCode).containsExactlyInAnyOrder(0, 1);
    assertThat(runs)
        .filteredOn(r -> r.exitCode() == 1)
        .singleElement()
        .extracting(Result::err)
        .asString()
        .startsWith(refusal);
  }

  @Test
  void twoTasksAtOnceCreateTheWorkPackagesOnce() throws Exception {
    steps.plannedFeature();

    List<Result> runs = twice("tasks");

    assertOneRanAndTheOtherWasRefusedWith(
        runs, "❌ Feature 001-photo-gallery already has work packages.\n");
    assertThat(eventTypes()).filteredOn("WPCreated"::equals).hasSize(5);
    assertThat(eventTypes()).filteredOn("HistoryAdded"::equals).hasSize(5);
  }

  @Test
  void twoIdenticalMovesAtOnceAreRecordedOnce() throws Exception {
    steps.workPackages();

    List<Result> runs = twice("move", "WP01", "--to", "doing");

    assertOneRanAndTheOtherWasRefusedWith(runs, "❌ WP01 is in doing and cannot move to doing");
    assertThat(eventTypes()).filteredOn("WPStatusChanged"::equals).hasSize(1);
  }
}
