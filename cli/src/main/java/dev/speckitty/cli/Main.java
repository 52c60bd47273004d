package dev.speckitty.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Entry point of the launcher: builds the command tree and turns failures into exit codes. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
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
    CommandLine cl = commandLine(ctx);
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
    CommandLine cl = new CommandLine(new SpecKittyCommand(), new ContextFactory(ctx));
    cl.setExecutionExceptionHandler(Main::handleExecutionException);
    cl.setParameterExceptionHandler(Main::handleParameterException);
    Map<String, String> exitCodes = new LinkedHashMap<>();
    for (String entry : ExitCode.HELP_LIST) {
      int colon = entry.indexOf(':');
      exitCodes.put(entry.substring(0, colon), entry.substring(colon + 1));
    }
    applyRecursively(cl, exitCodes);
    return cl;
  }

  private static void applyRecursively(CommandLine cl, Map<String, String> exitCodes) {
    cl.getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
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
      return e.exitCode();
    }
    err.println("❌ Unexpected error: " + ex);
    if ("1".equals(System.getenv("SPEC_KITTY_DEBUG"))) {
      ex.printStackTrace(err);
    } else {
      err.println("   Rerun with SPEC_KITTY_DEBUG=1 to see the details.");
    }
    err.flush();
    return ExitCode.INTERNAL;
  }

  private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("❌ " + ex.getMessage());
    err.println("   See '" + cl.getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return ExitCode.CONFIG;
  }

  /** Creates commands with the {@link CliContext} they need; anything else the default way. */
  private record ContextFactory(CliContext ctx) implements IFactory {
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
