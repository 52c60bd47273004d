package dev.speckitty.cli.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.speckitty.cli.auth.CredentialStore;
import dev.speckitty.cli.auth.Credentials;
import dev.speckitty.cli.config.ConfigLoader;
import dev.speckitty.cli.config.ServerConfig;
import dev.speckitty.cli.core.BaseCommand;
import dev.speckitty.cli.core.CliContext;
import dev.speckitty.cli.core.CliException;
import dev.speckitty.cli.core.ExitCode;
import dev.speckitty.cli.core.Json;
import dev.speckitty.cli.http.HttpTransport;
import dev.speckitty.cli.queue.EventQueue;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spec-kitty sync status [--check] [--json]}. */
@Command(
    name = "status",
    header = "Show the sync settings and, with --check, whether the server is reachable.",
    description = {
      "--check sends one unauthenticated request to the server. 'Reachable (auth required)' is"
          + " the normal answer: the server is up and asks for a token.",
      "With --check the exit code is 0 when the server is reachable, 1 otherwise."
    })
final class SyncStatusCommand extends BaseCommand {
  @Option(names = "--check", description = "Probe the server connection.")
  boolean check;

  @Option(
      names = "--json",
      description = "Print JSON, adding queue size, last sync time and login state.")
  boolean json;

  SyncStatusCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  protected ExitCode execute() throws Exception {
    ServerConfig config = new ConfigLoader(ctx, this::warn).requireServer();
    Optional<ConnectionProbe.Outcome> probe = Optional.empty();
    if (check) {
      try (HttpTransport http = new HttpTransport(ctx.httpTimeout(), config.url().isHttps())) {
        probe = Optional.of(new ConnectionProbe(http).probe(config.url()));
      }
    }
    if (json) {
      out().println(Json.mapper().writeValueAsString(json(config, probe)));
    } else {
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {
            "Server URL",
            config.url()
                + (config.fromEnvironment() ? " (from " + CliContext.SERVER_URL_ENV + ")" : "")
          });
      if (configFileExists(config)) {
        rows.add(new String[] {"Config File", config.configFile().toString()});
      }
      probe.ifPresent(p -> rows.add(new String[] {"Connection", p.label()}));
      int setAside = setAside();
      if (setAside > 0) {
        rows.add(
            new String[] {
              "Set Aside",
              SyncService.count(setAside, "unreadable event", "unreadable events")
                  + ", kept in "
                  + ctx.tildePath(ctx.state().queue())
            });
      }
      print(Table.of(rows));
      probe.ifPresent(p -> p.advice().forEach(this::warn));
    }
    return probe.map(p -> p.reachable() ? ExitCode.OK : ExitCode.FAILURE).orElse(ExitCode.OK);
  }

  /**
   * Whether the config file is there to list: with the URL from the environment there may be none,
   * and a row naming a file that does not exist sends readers looking for it.
   */
  private static boolean configFileExists(ServerConfig config) {
    return Files.exists(config.configFile());
  }

  /** How many unreadable queued events were set aside (0 without a queue). */
  private int setAside() {
    if (!Files.exists(ctx.state().queue())) {
      return 0;
    }
    try (EventQueue q = EventQueue.open(ctx.state().queue())) {
      return q.setAsideCount();
    }
  }

  private ObjectNode json(ServerConfig config, Optional<ConnectionProbe.Outcome> probe) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("server_url", config.url().value());
    n.put("server_url_source", config.fromEnvironment() ? CliContext.SERVER_URL_ENV : "config");
    if (configFileExists(config)) {
      n.put("config_file", config.configFile().toString());
    }
    probe.ifPresent(
        p -> {
          ObjectNode c = n.putObject("connection");
          c.put("reachable", p.reachable());
          c.put("label", p.label());
          if (p.httpStatus() > 0) {
            c.put("http_status", p.httpStatus());
          }
        });
    ObjectNode queue = n.putObject("queue");
    var dbFile = ctx.state().queue();
    if (Files.exists(dbFile)) {
      try (EventQueue q = EventQueue.open(dbFile)) {
        queue.put("queued", q.queuedCount());
        queue.put("rejected", q.rejectedCount());
        queue.put("pulled", q.pulledCount());
        queue.put("set_aside", q.setAsideCount());
        Optional<Instant> last = q.lastSync(config.url());
        if (last.isPresent()) {
          n.put("last_sync", last.get().toString());
        } else {
          n.putNull("last_sync");
        }
      }
    } else {
      queue.put("queued", 0).put("rejected", 0).put("pulled", 0).put("set_aside", 0);
      n.putNull("last_sync");
    }
    ObjectNode auth = n.putObject("auth");
    Optional<Credentials> session;
    try {
      session = new CredentialStore(ctx.state()).load();
    } catch (CliException damaged) {
      session = Optional.empty();
    }
    boolean usable =
        session.isPresent() && session.get().usableFor(config.url(), ctx.clock().instant());
    auth.put("authenticated", usable);
    session.filter(s -> usable).ifPresent(s -> auth.put("username", s.username()));
    return n;
  }
}
