package dev.speckitty.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.speckitty.cli.auth.Prompter;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.StatePaths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * A build-time run of typical commands in a throw-away folder, so that the class-data-sharing
 * archive made from it ({@code lib/spec-kitty.jsa}) holds the classes real runs load. Started by
 * the build with {@code -Dspeckitty.cds.training=<folder>}; never by users.
 */
final class Training {
  static final String PROPERTY = "speckitty.cds.training";

  private Training() {}

  static void run(Path dir) {
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
      Path home = Files.createDirectories(dir.resolve("home"));
      StatePaths state = StatePaths.inHome(home);
      Files.createDirectories(state.dir());
      // Port 9 (discard) on loopback: nothing listens, connections are refused at once.
      Files.writeString(state.config(), "[server]\nurl = \"http://127.0.0.1:9\"\n");
      PrintWriter sink = new PrintWriter(Writer.nullWriter());
      List<List<String>> runs =
          List.of(
              List.of("--version"),
              List.of("--help"),
              List.of("auth", "--help"),
              List.of("auth", "status"),
              List.of("auth", "status", "--json"),
              List.of("auth", "login", "-u", "x", "--password-stdin"),
              List.of("auth", "logout"),
              List.of("sync", "status"),
              List.of("sync", "status", "--check", "--json"),
              List.of("sync", "now"),
              List.of("init", "training"),
              List.of("bogus"));
      for (List<String> args : runs) {
        Main.run(context(home, home, "pw\n"), sink, sink, args.toArray(String[]::new));
      }
      Path project = home.resolve("training");
      for (List<String> args :
          List.of(
              List.of("specify", "Training run"),
              List.of("plan"),
              List.of("tasks"),
              List.of("move", "WP01", "--to", "doing"),
              List.of("accept"))) {
        Main.run(context(home, project, ""), sink, sink, args.toArray(String[]::new));
      }
      promptOnATerminal();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The login prompts as on a real terminal (JLine's line reader and its hundreds of lambdas):
   * there is no terminal in the build, so JLine makes one, typed into through a pipe. The pipe
   * stays open until the answers are read: JLine ends a prompt at the end of its input.
   */
  private static void promptOnATerminal() throws IOException {
    PipedInputStream keyboard = new PipedInputStream();
    try (PipedOutputStream typing = new PipedOutputStream(keyboard);
        Terminal terminal =
            new ExternalTerminal(
                "training", "xterm", keyboard, OutputStream.nullOutputStream(), UTF_8);
        Prompter prompter = Prompter.on(terminal)) {
      typing.write("reader\rpw\r".getBytes(UTF_8));
      typing.flush();
      prompter.readLine("Username: ");
      prompter.readPassword("Password: ");
    }
  }

  private static CliContext context(Path home, Path cwd, String stdin) {
    return new CliContext(
        Map.of("HOME", home.toString()),
        home,
        cwd,
        new ByteArrayInputStream(stdin.getBytes()),
        false,
        Clock.systemUTC());
  }
}
