package dev.speckitty.cli;

import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.CliException;
import dev.speckitty.cli.core.DidYouMean;
import dev.speckitty.cli.core.ExitCode;
import dev.speckitty.cli.core.Failure;
import dev.speckitty.cli.core.VersionProvider;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Entry point of the launcher: builds the command tree and turns failures into exit codes. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    String training = System.getProperty(Training.PROPERTY);
    if (training != null) {
      Training.run(java.nio.file.Path.of(training));
      return;
    }
    PrintWriter out = writer(FileDescriptor.out);
    PrintWriter err = writer(FileDescriptor.err);
    int code = run(CliContext.fromSystem(), out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  private static PrintWriter writer(FileDescriptor fd) {
    return new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
  }

  /** Runs one command line in {@code ctx}, printing to {@code out} and {@code err}. */
  public static int run(CliContext ctx, PrintWriter out, PrintWriter err, String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // The version needs no command model: answer before picocli starts (half the start-up).
      out.println(new VersionProvider().getVersion()[0]);
      out.flush();
      return ExitCode.OK.code();
    }
    CommandLine cl = commandLine(ctx, args);
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The full command tree with its error handling — also what the reference docs are checked
   * against.
   */
  public static CommandLine commandLine(CliContext ctx) {
    return build(ctx, SpecKittyCommand.COMMANDS);
  }

  /**
   * The command tree a run of {@code args} needs: only the named top-level command (and its
   * subcommands), or none for {@code --version}; the full tree for anything else, so that help and
   * "unknown command" errors list every command.
   */
  public static CommandLine commandLine(CliContext ctx, String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return build(ctx, List.of());
    }
    if (args.length > 0) {
      for (Class<?> command : SpecKittyCommand.COMMANDS) {
        if (command.getAnnotation(CommandLine.Command.class).name().equals(args[0])) {
          return build(ctx, List.of(command));
        }
      }
    }
    return commandLine(ctx);
  }

  private static CommandLine build(CliContext ctx, List<Class<?>> commands) {
    ContextFactory factory = new ContextFactory(ctx);
    CommandLine cl = new CommandLine(new SpecKittyCommand(), factory);
    for (Class<?> command : commands) {
      cl.addSubcommand(new CommandLine(command, factory));
    }
    // Help fits the terminal's width. Set after the tree is built: picocli measures the terminal
    // (by running stty) whenever a subcommand is added with this on, though only help needs it.
    cl.setUsageHelpAutoWidth(true);
    cl.setExecutionExceptionHandler(Main::handleExecutionException);
    cl.setParameterExceptionHandler(Main::handleParameterException);
    Map<String, String> exitCodes = new LinkedHashMap<>();
    for (ExitCode code : ExitCode.values()) {
      exitCodes.put(Integer.toString(code.code()), code.description());
    }
    applyRecursively(cl, exitCodes);
    return cl;
  }

  private static void applyRecursively(CommandLine cl, Map<String, String> exitCodes) {
    cl.getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes%n")
        .exitCodeList(exitCodes);
    cl.getSubcommands().values().forEach(sub -> applyRecursively(sub, exitCodes));
  }

  private static int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    cl.getOut().flush();
    if (ex instanceof CliException e) {
      e.lines().forEach(err::println);
      err.flush();
      return e.exitCode().code();
    }
    List<String> lines = Failure.INTERNAL.lines("error", ex);
    err.println(lines.get(0));
    if ("1".equals(System.getenv("SPEC_KITTY_DEBUG"))) {
      ex.printStackTrace(err);
    } else {
      lines.subList(1, lines.size()).forEach(err::println);
    }
    err.flush();
    return ExitCode.INTERNAL.code();
  }

  private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    String command = cl.getCommandSpec().qualifiedName();
    List<String> unmatched =
        ex instanceof CommandLine.UnmatchedArgumentException u
            ? u.getUnmatched()
            : cl.getUnmatchedArguments();
    List<String> lines =
        unmatched.isEmpty()
            ? Failure.BAD_USAGE.lines("problem", ex.getMessage(), "command", command)
            : unmatched(cl, unmatched);
    lines.forEach(err::println);
    err.flush();
    return ExitCode.USAGE.code();
  }

  /**
   * A word the command does not know, in plain words: an unknown option or command (with the
   * closest ones, when one is close), or an argument too many. An unknown option comes first: it is
   * why a required option seems missing ({@code move WP01 --too done}).
   */
  private static List<String> unmatched(CommandLine cl, List<String> words) {
    CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
    String command = spec.qualifiedName();
    for (String word : words) {
      if (word.startsWith("-") && word.length() > 1) {
        String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        List<String> names = new ArrayList<>();
        spec.options().forEach(o -> names.addAll(List.of(o.names())));
        List<String> like = DidYouMean.closest(option, names);
        return like.isEmpty()
            ? Failure.UNKNOWN_OPTION.lines("word", option, "command", command)
            : Failure.UNKNOWN_OPTION_LIKE.lines(
                "word", option, "suggestion", String.join("' or '", like), "command", command);
      }
    }
    String word = words.get(0);
    if (cl.getSubcommands().isEmpty()) {
      return Failure.UNEXPECTED_ARGUMENT.lines("word", word, "command", command);
    }
    List<String> like =
        DidYouMean.closest(word, cl.getSubcommands().keySet()).stream()
            .map(name -> command + " " + name)
            .toList();
    return like.isEmpty()
        ? Failure.UNKNOWN_COMMAND.lines("word", word, "command", command)
        : Failure.UNKNOWN_COMMAND_LIKE.lines(
            "word", word, "suggestion", String.join("' or '", like), "command", command);
  }

  /**
   * Creates commands with the {@link CliContext} they need; anything else the default way. A class,
   * not a record: a record's generated methods bootstrap method handles at start-up.
   */
  private static final class ContextFactory implements IFactory {
    private final CliContext ctx;

    ContextFactory(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        var constructor = cls.getDeclaredConstructor(CliContext.class);
        constructor.setAccessible(true);
        return constructor.newInstance(ctx);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
