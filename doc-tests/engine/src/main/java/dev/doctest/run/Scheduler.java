package dev.doctest.run;

import dev.doctest.config.DocTestConfig;
import dev.doctest.model.DocTestException;
import dev.doctest.model.DocumentSpec;
import dev.doctest.world.World;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link Plan}: pages that start from nothing run side by side; when a page ends, the pages
 * that continue it start from its end state — each in a copy of its own, side by side, when the
 * copy reads exactly like the original (confined steps see the same HOME wherever it is, and the
 * end state names no server URL); else one after another in the original, put back to that end
 * state before each. Either way each step of each page runs once.
 */
public final class Scheduler {
  private final DocTestConfig config;
  private final RunSettings settings;
  private final World world;
  private final Confinement confinement;
  private final DocumentRunner runner;
  private final int parallelism;
  private final UnaryOperator<DocumentResult> onFinished;
  private final Checkpoints checkpoints;
  private final int firstStep;

  /**
   * @param onFinished given each page's result (from a worker thread) before its future completes,
   *     and returns the result to complete it with: reports are written there, and update mode
   *     rewrites the page there
   */
  public Scheduler(
      DocTestConfig config,
      RunSettings settings,
      World world,
      Confinement confinement,
      DocumentRunner runner,
      int parallelism,
      UnaryOperator<DocumentResult> onFinished,
      Checkpoints checkpoints,
      int firstStep) {
    this.checkpoints = checkpoints;
    this.firstStep = firstStep;
    this.config = config;
    this.settings = settings;
    this.world = world;
    this.confinement = confinement;
    this.runner = runner;
    this.parallelism = Math.max(1, parallelism);
    this.onFinished = onFinished;
  }

  /** Starts every page of {@code plan} that parsed; a future per page. */
  public Map<Path, CompletableFuture<DocumentResult>> start(Plan plan) {
    Map<Path, CompletableFuture<DocumentResult>> results = new LinkedHashMap<>();
    for (Path page : plan.pages()) {
      if (plan.spec(page).isPresent()) {
        results.put(page, new CompletableFuture<>());
      }
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            parallelism,
            r -> {
              Thread t = new Thread(r, "doctest-page");
              t.setDaemon(true);
              return t;
            });
    Run run = new Run(plan, results, pool);
    plan.orphans().forEach((page, why) -> run.finish(plan.spec(page).get(), why));
    java.util.Set<Path> started = new java.util.HashSet<>();
    for (Path page : plan.selected()) {
      Optional<DocumentSpec> spec = plan.spec(page);
      int first = spec.isPresent() ? firstStep : 0;
      Optional<Snapshot> kept = spec.flatMap(s -> checkpoints.start(s, plan.chain(page), first));
      Optional<Stage> resumed = kept.flatMap(k -> resume(spec.get(), k, first));
      if (resumed.isPresent()) {
        started.add(page);
        for (Path before : plan.chain(page)) {
          if (!plan.selected().contains(before)) {
            run.skip(plan.spec(before).get(), "its end state was kept from an earlier run");
          }
        }
        pool.execute(() -> run.guarded(page, () -> run.onStage(page, resumed.get(), first)));
      }
    }
    for (Path root : plan.roots()) {
      if (!started.contains(root) && !run.done(root)) {
        pool.execute(() -> run.guarded(root, () -> run.onNewStage(root)));
      }
    }
    AtomicInteger open = new AtomicInteger(results.size());
    results
        .values()
        .forEach(
            f ->
                f.whenComplete(
                    (r, e) -> {
                      if (open.decrementAndGet() == 0) {
                        pool.shutdown();
                      }
                    }));
    if (results.isEmpty()) {
      pool.shutdown();
    }
    return results;
  }

  /**
   * A stage holding {@code kept}, if it reads there as it did where it was kept; else nothing, and
   * the page runs as if nothing were kept (the checkpoints are told why). Its world listens
   * anywhere (a world started ahead will do) unless the state's files name where the kept one
   * listened.
   */
  private Optional<Stage> resume(DocumentSpec spec, Snapshot kept, int first) {
    try (kept) {
      Stage stage;
      Optional<String> misfit;
      try {
        stage = Stage.open(config, settings, confinement, world, Optional.of(kept));
        misfit = stage.misfit(kept);
        if (misfit.isPresent() && kept.network().port() != 0) {
          stage.close();
          stage = Stage.whereKept(config, settings, confinement, world, kept);
          misfit = stage.misfit(kept);
        }
      } catch (RuntimeException e) {
        checkpoints.unusable(spec, first, "its world did not start: " + e.getMessage());
        return Optional.empty();
      }
      if (misfit.isPresent()) {
        stage.close();
        checkpoints.unusable(spec, first, misfit.get());
        return Optional.empty();
      }
      return Optional.of(stage);
    }
  }

  private final class Run {
    final Plan plan;
    final Map<Path, CompletableFuture<DocumentResult>> results;
    final ExecutorService pool;

    Run(Plan plan, Map<Path, CompletableFuture<DocumentResult>> results, ExecutorService pool) {
      this.plan = plan;
      this.results = results;
      this.pool = pool;
    }

    void finish(DocumentSpec spec, String whyNotRun) {
      complete(DocumentRunner.notRun(spec, whyNotRun));
      for (Path next : plan.successors(spec.file())) {
        finish(
            plan.spec(next).orElseThrow(), "the page it continues did not run: " + spec.location());
      }
    }

    /**
     * Runs {@code work} for {@code page}, so that nothing it throws — not even an error such as a
     * class missing from the class path — leaves a page's future waiting forever.
     */
    void guarded(Path page, Runnable work) {
      try {
        work.run();
      } catch (RuntimeException | Error e) {
        for (Map.Entry<Path, CompletableFuture<DocumentResult>> r : results.entrySet()) {
          if (!r.getValue().isDone()
              && (r.getKey().equals(page) || plan.chain(r.getKey()).contains(page))) {
            r.getValue().completeExceptionally(e);
          }
        }
      }
    }

    /** A page that need not run: its successors start from a kept state. */
    void skip(DocumentSpec spec, String why) {
      if (!done(spec.file())) {
        complete(DocumentRunner.notRun(spec, why, false));
      }
    }

    boolean done(Path page) {
      CompletableFuture<DocumentResult> f = results.get(page);
      return f != null && f.isDone();
    }

    void complete(DocumentResult result) {
      try {
        results.get(result.spec().file()).complete(onFinished.apply(result));
      } catch (RuntimeException | Error e) {
        results.get(result.spec().file()).completeExceptionally(e);
      }
    }

    /** Runs {@code page} on a stage of its own, then what continues it. */
    void onNewStage(Path page) {
      DocumentSpec spec = plan.spec(page).orElseThrow();
      Stage stage;
      try {
        stage = Stage.open(config, settings, confinement, world, Optional.empty());
      } catch (RuntimeException e) {
        finish(spec, "its world did not start: " + e);
        return;
      }
      onStage(page, stage, 0);
    }

    /** Runs {@code page} on {@code stage} (from step {@code first}), then what continues it. */
    void onStage(Path page, Stage stage, int first) {
      try (stage) {
        runHere(plan.spec(page).orElseThrow(), stage, first);
      }
    }

    /** Runs {@code spec} on {@code stage} (from step {@code first}), then what continues it. */
    void runHere(DocumentSpec spec, Stage stage, int first) {
      DocumentResult result;
      try {
        List<Path> chain = plan.chain(spec.file());
        result = runner.run(spec, chain, stage, confinement.confined(), first, checkpoints);
      } catch (DocTestException e) {
        // A page problem only a run finds (the engine's own failures go on to guarded(): they end
        // the run as an internal error, with their details in the log).
        finish(spec, e.getMessage());
        return;
      }
      if (result.passed()) {
        checkpoints.ended(spec, plan.chain(spec.file()), stage);
      }
      List<Path> next = plan.successors(spec.file());
      if (!result.passed()) {
        complete(result);
        for (Path n : next) {
          finish(
              plan.spec(n).orElseThrow(), "the page it continues failed: " + result.firstFailure());
        }
        return;
      }
      if (next.isEmpty()) {
        complete(result);
        return;
      }
      try (Snapshot end = stage.snapshot()) {
        complete(result);
        List<Path> here = new ArrayList<>();
        for (Path n : next) {
          Optional<Stage> copy = copyOf(end);
          if (copy.isPresent()) {
            pool.execute(
                () ->
                    guarded(
                        n,
                        () -> {
                          try (Stage forked = copy.get()) {
                            runHere(plan.spec(n).orElseThrow(), forked, 0);
                          }
                        }));
          } else {
            here.add(n);
          }
        }
        for (Path n : here) {
          stage.restore(end);
          runHere(plan.spec(n).orElseThrow(), stage, 0);
        }
      }
    }

    /**
     * A new stage holding {@code end}, for a page to run beside the others that continue the same
     * page — if the copy reads exactly as the original: no file of it mentions a value that the new
     * stage has changed (the workspace's folder, the world's server URL). Otherwise the page runs
     * after the others, in the original stage.
     */
    private Optional<Stage> copyOf(Snapshot end) {
      if (!confinement.confined()) {
        return Optional.empty(); // unconfined, files name the workspace's own folder
      }
      Stage copy;
      try {
        copy = Stage.open(config, settings, confinement, world, Optional.of(end));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
      if (copy.misfit(end).isPresent()) {
        copy.close();
        return Optional.empty();
      }
      return Optional.of(copy);
    }
  }
}
