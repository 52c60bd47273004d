package dev.speckitty.site.verify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A page's doc-test report (format 2, written by the engine's {@code JsonReport}), read as the site
 * needs it: what the verdict rests on, and each step with its blocks, notes and what it printed.
 */
public record Report(
    int format,
    String document,
    String title,
    boolean passed,
    boolean confined,
    String verifiedAt,
    long durationMs,
    Build tool,
    Build engine,
    Inputs inputs,
    StartsFrom startsFrom,
    List<String> howVerified,
    Coverage coverage,
    int stepsPassed,
    int stepsRun,
    List<Step> steps,
    List<String> worldProblems) {

  /** The report format this site reads. */
  public static final int FORMAT = 2;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public Report {
    howVerified = orEmpty(howVerified);
    steps = orEmpty(steps);
    worldProblems = orEmpty(worldProblems);
    startsFrom = startsFrom == null ? new StartsFrom(null, null) : startsFrom;
    tool = tool == null ? new Build("", "") : tool;
    engine = engine == null ? new Build("", "") : engine;
    inputs = inputs == null ? new Inputs("", List.of(), "") : inputs;
    coverage = coverage == null ? new Coverage(0, 0) : coverage;
  }

  /** Reads a report file. */
  public static Report read(Path file) {
    try {
      return JSON.readValue(file.toFile(), Report.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the report " + file, e);
    }
  }

  /** Every code block of the page the report covers, in page order. */
  public List<Block> blocks() {
    return steps.stream().flatMap(s -> s.blocks().stream()).sorted(BY_LINE).toList();
  }

  /** The step that covers {@code block}. */
  public Step stepOf(Block block) {
    return steps.stream().filter(s -> s.blocks().contains(block)).findFirst().orElseThrow();
  }

  /** The first step that failed, if one did. */
  public Optional<Step> firstFailure() {
    return steps.stream().filter(s -> s.status().equals("failed")).findFirst();
  }

  private static final Comparator<Block> BY_LINE = Comparator.comparingInt(Block::line);

  /** The tool under test or the engine: its version and the SHA-256 of its code. */
  public record Build(String version, String sha256) {}

  /** The SHA-256 of the page, of the pages it continues (nearest first) and of the config. */
  public record Inputs(String page, List<Link> chain, String config) {
    public Inputs {
      chain = orEmpty(chain);
    }
  }

  /** A page the report's page continues, with its SHA-256 at the time of the run. */
  public record Link(String document, String sha256) {}

  /** Where the page's run started: the end of another page, and/or a named fixture. */
  public record StartsFrom(String continues, Fixture fixture) {
    public Optional<String> continuesPage() {
      return Optional.ofNullable(continues);
    }

    public Optional<Fixture> fixtureUsed() {
      return Optional.ofNullable(fixture);
    }
  }

  /** A named starting state, described for readers, and the commands that set it up. */
  public record Fixture(String name, String description, List<String> commands) {
    public Fixture {
      commands = commands == null ? List.of() : List.copyOf(commands);
    }
  }

  /** How many of the page's code blocks the doc-tests ran or compared. */
  public record Coverage(int blocksRun, int blocksTotal) {}

  /** One step of the page as it ran. */
  public record Step(
      int line,
      String heading,
      String kind,
      String label,
      String status,
      long durationMs,
      List<Block> blocks,
      String hiddenCommand,
      List<String> howVerified,
      Ran ran,
      String message,
      Browser browser) {
    public Step {
      blocks = orEmpty(blocks);
      howVerified = orEmpty(howVerified);
    }

    public Optional<String> hidden() {
      return Optional.ofNullable(hiddenCommand);
    }

    /** What a browser step opened and checked; empty for any other step. */
    public Optional<Browser> browserCheck() {
      return Optional.ofNullable(browser);
    }

    public Optional<Ran> result() {
      return Optional.ofNullable(ran);
    }

    public Optional<String> problem() {
      return Optional.ofNullable(message).filter(m -> !m.isEmpty());
    }

    /** The commands the step ran, as the page shows them (or as it hides them). */
    public Optional<String> commands() {
      return hidden()
          .or(
              () ->
                  blocks.stream()
                      .filter(b -> b.role().equals("command"))
                      .map(Block::text)
                      .findFirst());
    }
  }

  /**
   * A code block of the page.
   *
   * @param line its opening fence or delimiter line (1-based)
   * @param role {@code command}, {@code output}, {@code file} or {@code example}
   * @param text its text as the page shows it
   */
  public record Block(int line, String role, String text) {
    public boolean isCommand() {
      return role.equals("command");
    }
  }

  /**
   * A browser step.
   *
   * @param open the address it opened
   * @param screenshot the image the page shows, relative to the page's folder (null: none)
   * @param freshImage where the build wrote that image, relative to the reports folder
   */
  public record Browser(String open, String screenshot, String freshImage) {
    public Optional<String> image() {
      return Optional.ofNullable(screenshot);
    }
  }

  /** What a step's commands did: exit code and output, in reader terms. */
  public record Ran(int exitCode, String output) {}

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
