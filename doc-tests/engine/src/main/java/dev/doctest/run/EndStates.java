package dev.doctest.run;

import dev.doctest.model.DocumentSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The end states of pages that others continue, kept for the length of one run: a page asked for
 * later starts from the end of the page it continues instead of running that page again. Nothing is
 * kept on disk past {@link #close()}.
 */
public final class EndStates implements Checkpoints, AutoCloseable {
  private final Set<Path> continued;
  private final Map<Path, Snapshot> ends = new LinkedHashMap<>();
  private final List<String> unusable = new ArrayList<>();

  /**
   * @param continued the pages whose end states are worth keeping: those others continue
   */
  public EndStates(Set<Path> continued) {
    this.continued = Set.copyOf(continued);
  }

  @Override
  public synchronized Optional<Snapshot> start(DocumentSpec spec, List<Path> chain, int firstStep) {
    if (firstStep > 0 || chain.isEmpty() || !ends.containsKey(chain.get(0))) {
      return Optional.empty();
    }
    Snapshot end = ends.get(chain.get(0));
    try {
      Path copy = Files.createTempDirectory("doctest-end-");
      FileTrees.copy(end.dir(), copy);
      return Optional.of(new Snapshot(copy, end.world(), end.network(), end.variables()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void unusable(DocumentSpec spec, int firstStep, String why) {
    unusable.add(
        spec.location().shown()
            + " ran the pages it continues again: their kept end state does not fit ("
            + why
            + ")");
  }

  @Override
  public void ended(DocumentSpec spec, List<Path> chain, Stage stage) {
    Path page = spec.file().toAbsolutePath().normalize();
    synchronized (this) {
      if (!continued.contains(page) || ends.containsKey(page)) {
        return;
      }
    }
    Snapshot end = stage.snapshot();
    synchronized (this) {
      if (ends.putIfAbsent(page, end) != null) {
        end.close();
      }
    }
  }

  /** Why pages ran the pages they continue again (a kept end state did not fit), if any did. */
  public synchronized List<String> notes() {
    return List.copyOf(unusable);
  }

  @Override
  public synchronized void close() {
    ends.values().forEach(Snapshot::close);
    ends.clear();
  }
}
