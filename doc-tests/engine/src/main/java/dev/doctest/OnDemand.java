package dev.doctest;

import dev.doctest.model.DocumentSpec;
import dev.doctest.run.DocumentResult;
import dev.doctest.run.DocumentRunner;
import dev.doctest.run.EndStates;
import dev.doctest.run.Plan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The pages of a plan, each run when it is first asked for (a test runner may select one page of
 * many): with the pages it continues, which run first — once, however many pages continue them —
 * and whose end state the page starts from. See {@link DocTests#onDemand}.
 */
public final class OnDemand implements AutoCloseable {
  private final DocTests engine;
  private final Plan plan;
  private final Consumer<DocumentResult> onFinished;
  private final EndStates ends;
  private final Map<Path, CompletableFuture<DocumentResult>> runs = new LinkedHashMap<>();
  private final AtomicLong stepsRun = new AtomicLong();

  OnDemand(DocTests engine, Plan plan, Consumer<DocumentResult> onFinished) {
    this.engine = engine;
    this.plan = plan;
    this.onFinished = onFinished;
    this.ends =
        new EndStates(
            plan.pages().stream()
                .filter(p -> !plan.successors(p).isEmpty())
                .collect(Collectors.toSet()));
  }

  /**
   * {@code page}'s run, started now if it was not yet: after the pages it continues (each run once
   * in this plan), from the end state of the nearest.
   */
  public synchronized CompletableFuture<DocumentResult> run(Path page) {
    Path file = page.toAbsolutePath().normalize();
    CompletableFuture<DocumentResult> run = runs.get(file);
    if (run != null) {
      return run;
    }
    DocumentSpec spec =
        plan.spec(file)
            .orElseThrow(() -> new IllegalArgumentException(file + " is not a page of the plan"));
    List<Path> chain = plan.chain(file);
    if (!chain.isEmpty() && plan.spec(chain.get(0)).isPresent()) {
      DocumentResult before = run(chain.get(0)).join();
      if (!before.passed()) {
        run =
            CompletableFuture.completedFuture(
                engine.finished(
                    plan,
                    DocumentRunner.notRun(
                        spec, "the page it continues failed: " + before.firstFailure()),
                    this::heard));
        runs.put(file, run);
        return run;
      }
    }
    run = engine.start(plan.only(file), this::heard, ends, 0).get(file);
    runs.put(file, run);
    return run;
  }

  private void heard(DocumentResult result) {
    if (!result.kept()) {
      stepsRun.addAndGet(result.stepsRun());
      onFinished.accept(result);
    }
  }

  /** The pages started so far (those asked for and the pages they continue), in order. */
  public synchronized List<CompletableFuture<DocumentResult>> started() {
    return new ArrayList<>(runs.values());
  }

  /**
   * How many steps ran so far: each step of the pages started once, unless a kept end state did not
   * fit (see {@link #notes()}).
   */
  public long stepsRun() {
    return stepsRun.get();
  }

  /** Why pages ran the pages they continue again, if any did. */
  public List<String> notes() {
    return ends.notes();
  }

  @Override
  public void close() {
    ends.close();
  }
}
