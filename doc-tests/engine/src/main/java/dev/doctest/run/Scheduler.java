package dev.doctest.run;

import dev.doctest.config.DocTestConfig;
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
      UnaryOperator<DocumentResult> onFinished) {
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
    for (Path root : plan.roots()) {
      pool.execute(() -> run.onNewStage(root));
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

    void complete(DocumentResult result) {
      try {
        results.get(result.spec().file()).complete(onFinished.apply(result));
      } catch (RuntimeException | Error e) {
        results.get(result.spec().file()).completeExceptionally(e);
      }
    }

    /** Runs {@code page} on a stage of its own, then the pages that continue it. */
    void onNewStage(Path page) {
      DocumentSpec spec = plan.spec(page).orElseThrow();
      Stage stage;
      try {
        stage = Stage.open(config, settings, confinement, world, Optional.empty());
      } catch (RuntimeException e) {
        finish(spec, "its world did not start: " + e);
        return;
      }
      try (stage) {
        runHere(spec, stage);
      }
    }

    /** Runs {@code spec} on {@code stage}, then the pages that continue it. */
    void runHere(DocumentSpec spec, Stage stage) {
      DocumentResult result;
      try {
        result = runner.run(spec, stage, confinement.confined());
      } catch (RuntimeException e) {
        finish(spec, "the engine failed: " + e);
        return;
      }
      List<Path> next = plan.successors(spec.file());
      if (!result.passed()) {
        complete(result);
        for (Path n : next) {
          finish(
              plan.spec(n).orElseThrow(), "the page it continues failed: " + firstFailure(result));
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
          Optional<Stage> copy = copyOf(stage, end);
          if (copy.isPresent()) {
            pool.execute(
                () -> {
                  try (Stage forked = copy.get()) {
                    runHere(plan.spec(n).orElseThrow(), forked);
                  }
                });
          } else {
            here.add(n);
          }
        }
        for (Path n : here) {
          stage.restore(end);
          runHere(plan.spec(n).orElseThrow(), stage);
        }
      }
    }

    /**
     * A new stage holding {@code end}, for a page to run beside the others that continue the same
     * page — if the copy reads exactly as the original: no file of it mentions a value that the new
     * stage has changed (the workspace's folder, the world's server URL). Otherwise the page runs
     * after the others, in the original stage.
     */
    private Optional<Stage> copyOf(Stage original, Snapshot end) {
      if (!confinement.confined()) {
        return Optional.empty(); // unconfined, files name the workspace's own folder
      }
      Stage copy;
      try {
        copy = Stage.open(config, settings, confinement, world, Optional.of(end));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
      Map<String, String> before = original.variables().values();
      for (Map.Entry<String, String> v : copy.variables().values().entrySet()) {
        String old = before.get(v.getKey());
        if (old != null && !old.equals(v.getValue()) && end.mentions(old)) {
          copy.close();
          return Optional.empty();
        }
      }
      return Optional.of(copy);
    }
  }

  private static String firstFailure(DocumentResult result) {
    return result.steps().stream()
        .filter(StepResult::failed)
        .map(s -> s.step().location().toString())
        .findFirst()
        .orElse(String.join("; ", result.worldProblems()));
  }
}
