package dev.speckitty.cli.sync;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code spec-kitty sync}: the group of status and now. */
@Command(
    name = "sync",
    header = "Check the server connection and sync events with it.",
    description = {
      "Every workflow command records events in ~/.spec-kitty/queue.db; 'sync now' pushes them"
          + " to the team server and pulls your teammates' events."
    },
    subcommands = {SyncStatusCommand.class, SyncNowCommand.class})
public final class SyncCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: use status or now.");
  }
}
