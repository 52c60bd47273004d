package dev.speckitty.cli.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.f4b6a3.ulid.UlidCreator;
import dev.speckitty.cli.config.ServerUrl;
import dev.speckitty.cli.core.CliException;
import dev.speckitty.cli.core.Failure;
import dev.speckitty.cli.core.Json;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.sqlite.NativeLibraryNotFoundException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The durable event log in {@code ~/.spec-kitty/queue.db}. Every write is one SQLite transaction
 * (WAL, synchronous=FULL), so a killed process never leaves half an event; an event leaves the push
 * queue only when {@link #markSynced} records the server's acknowledgement.
 */
public final class EventQueue implements AutoCloseable {
  static final int SCHEMA_VERSION = 1;
  private static final String NODE_ID = "node_id";
  private static final String LAMPORT = "lamport_clock";
  // Per-server keys: the server URL follows the prefix (the same keys since the first release).
  private static final String LAST_SYNC = "last_sync:";
  private static final String PULL_CURSOR = "pull_cursor:";

  private final Connection db;
  private final Path file;
  private final String nodeId;

  private EventQueue(Path file, Connection db) throws SQLException {
    this.file = file;
    this.db = db;
    migrate(db);
    this.nodeId = initNodeId();
  }

  /** Opens (creating if needed, mode 0600 in a 0700 directory) the queue at {@code file}. */
  public static EventQueue open(Path file) {
    return open(file, config -> {});
  }

  /** {@link #open(Path)} with SQLite settings of a test's own (e.g. a size limit). */
  static EventQueue open(Path file, Consumer<SQLiteConfig> tuning) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      if (!Files.isDirectory(dir)) {
        if (posix) {
          Files.createDirectories(
              dir,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(dir);
        }
      }
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      config.setBusyTimeout(15_000);
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      tuning.accept(config);
      if (!Files.exists(file)) {
        create(file, config, posix);
      } else if (Files.size(file) == 0) {
        // Never one of ours (see create): SQLite would take it for a new queue — a new node id,
        // the clock back at 0 — and say nothing of the events it held.
        throw Failure.QUEUE_EMPTY_FILE.with("file", file);
      }
      Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
      return new EventQueue(file, connection);
    } catch (SQLException e) {
      if (nativeLibraryMissing(e)) {
        throw Failure.SQLITE_MISSING.with(
            "platform", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
      }
      if (diskFull(e)) {
        throw Failure.QUEUE_DISK_FULL.with("file", file);
      }
      throw Failure.QUEUE_UNOPENABLE.with("file", file, "reason", e.getMessage());
    } catch (IOException e) {
      throw Failure.QUEUE_UNOPENABLE.with("file", file, "reason", e.getMessage());
    }
  }

  /**
   * Makes a new queue the way no other process can see half-made: the schema is written to a
   * private temporary file (mode 0600), which then appears as {@code file} in one step. When
   * another process got there first, its queue is used.
   */
  private static void create(Path file, SQLiteConfig config, boolean posix)
      throws IOException, SQLException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp =
        posix
            ? Files.createTempFile(
                dir,
                ".queue-",
                ".db",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(dir, ".queue-", ".db");
    try {
      try (Connection fresh = config.createConnection("jdbc:sqlite:" + tmp.toAbsolutePath())) {
        migrate(fresh);
      }
      try {
        Files.createLink(file, tmp);
      } catch (FileAlreadyExistsException anotherProcessWasFirst) {
        // Theirs is as good as ours.
      } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
        try {
          Files.move(tmp, file);
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
          // Theirs is as good as ours.
        }
      }
    } finally {
      for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
        Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + suffix));
      }
    }
  }

  /** Whether sqlite-jdbc found no native library for this platform (the distribution has none). */
  private static boolean nativeLibraryMissing(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof NativeLibraryNotFoundException) {
        return true;
      }
    }
    return false;
  }

  public Path file() {
    return file;
  }

  /** This machine's stable id, stamped on every event it records. */
  public String nodeId() {
    return nodeId;
  }

  private static void migrate(Connection db) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.executeUpdate(
          """
          CREATE TABLE IF NOT EXISTS events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL UNIQUE,
            lamport_clock INTEGER NOT NULL,
            envelope TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('queued', 'synced', 'pulled')),
            retry_count INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            recorded_at TEXT NOT NULL
          )""");
      s.executeUpdate("CREATE INDEX IF NOT EXISTS events_by_state ON events(state, seq)");
      s.executeUpdate(
          "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      s.executeUpdate(
          """
          CREATE TABLE IF NOT EXISTS set_aside (
            seq INTEGER PRIMARY KEY,
            event_id TEXT,
            envelope TEXT,
            reason TEXT NOT NULL,
            set_aside_at TEXT NOT NULL
          )""");
      s.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
    }
  }

  private String initNodeId() throws SQLException {
    Optional<String> existing = meta(NODE_ID);
    if (existing.isPresent()) {
      return existing.get();
    }
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    String id = HexFormat.of().formatHex(random);
    try (PreparedStatement ps =
        db.prepareStatement("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)")) {
      ps.setString(1, NODE_ID);
      ps.setString(2, id);
      ps.executeUpdate();
    }
    return meta(NODE_ID).orElseThrow();
  }

  /** When this machine last completed a sync with {@code server}. */
  public Optional<Instant> lastSync(ServerUrl server) {
    return meta(LAST_SYNC + server.value())
        .flatMap(
            v -> {
              try {
                return Optional.of(Instant.parse(v));
              } catch (DateTimeParseException damaged) {
                return Optional.empty();
              }
            });
  }

  /** Records a completed sync with {@code server} (its own transaction). */
  public void setLastSync(ServerUrl server, Instant at) {
    inTransaction(() -> putMeta(LAST_SYNC + server.value(), at.toString()));
  }

  /** Where the next pull from {@code server} starts; empty before the first pull. */
  public Optional<String> pullCursor(ServerUrl server) {
    return meta(PULL_CURSOR + server.value());
  }

  private Optional<String> meta(String key) {
    try (PreparedStatement ps = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  private void putMeta(String key, String value) throws SQLException {
    try (PreparedStatement ps =
        db.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
      ps.setString(1, key);
      ps.setString(2, value);
      ps.executeUpdate();
    }
  }

  /** The current Lamport clock (0 before the first event). */
  public long lamportClock() {
    return meta(LAMPORT).map(Long::parseLong).orElse(0L);
  }

  /**
   * Records events in one transaction: each gets a ULID, the next Lamport time, this node's id, the
   * team and the timestamp {@code now}. Returns the envelopes as stored.
   */
  public List<EventEnvelope> append(
      List<NewEvent> events, ProjectRef project, String team, Instant now) {
    List<EventEnvelope> stored = new ArrayList<>();
    inTransaction(
        () -> {
          long clock = lamportClock();
          try (PreparedStatement ps =
              db.prepareStatement(
                  "INSERT INTO events(event_id, lamport_clock, envelope, state, recorded_at)"
                      + " VALUES (?, ?, ?, 'queued', ?)")) {
            for (NewEvent e : events) {
              clock++;
              EventEnvelope envelope =
                  new EventEnvelope(
                      UlidCreator.getMonotonicUlid().toString(),
                      e.eventType(),
                      e.aggregateId(),
                      e.aggregateType(),
                      e.payload(),
                      now.toString(),
                      nodeId,
                      clock,
                      team,
                      project.uuid(),
                      project.slug());
              ps.setString(1, envelope.eventId());
              ps.setLong(2, clock);
              ps.setString(3, toJson(envelope));
              ps.setString(4, now.toString());
              ps.addBatch();
              stored.add(envelope);
            }
            ps.executeBatch();
          }
          putMeta(LAMPORT, Long.toString(clock));
        });
    return stored;
  }

  /**
   * Up to {@code limit} queued events after position {@code afterSeq}, oldest first. A row that
   * cannot be read as an event is set aside (moved to the {@code set_aside} table, see {@link
   * #setAsideCount}) instead of blocking every event behind it.
   */
  public List<QueuedEvent> queued(long afterSeq, int limit) {
    List<QueuedEvent> batch = new ArrayList<>();
    long after = afterSeq;
    while (batch.size() < limit) {
      Map<Long, String> unreadable = new LinkedHashMap<>();
      int rows = 0;
      try (PreparedStatement ps =
          db.prepareStatement(
              "SELECT seq, envelope, retry_count FROM events WHERE state = 'queued' AND seq > ?"
                  + " ORDER BY seq LIMIT ?")) {
        ps.setLong(1, after);
        ps.setInt(2, limit - batch.size());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows++;
            after = rs.getLong(1);
            try {
              EventEnvelope envelope =
                  Json.mapper().readValue(rs.getString(2), EventEnvelope.class);
              if (envelope == null || envelope.eventId() == null || envelope.eventType() == null) {
                throw new IllegalArgumentException("no event_id or event_type");
              }
              batch.add(new QueuedEvent(after, envelope, rs.getInt(3)));
            } catch (JsonProcessingException | IllegalArgumentException e) {
              unreadable.put(after, String.valueOf(e.getMessage()));
            }
          }
        }
      } catch (SQLException e) {
        throw failure("read", e);
      }
      if (!unreadable.isEmpty()) {
        setAside(unreadable);
      }
      if (rows == 0 || unreadable.isEmpty()) {
        break;
      }
    }
    return batch;
  }

  private void setAside(Map<Long, String> reasonsBySeq) {
    inTransaction(
        () -> {
          try (PreparedStatement copy =
                  db.prepareStatement(
                      "INSERT OR REPLACE INTO set_aside(seq, event_id, envelope, reason,"
                          + " set_aside_at) SELECT seq, event_id, envelope, ?, ? FROM events"
                          + " WHERE seq = ?");
              PreparedStatement delete = db.prepareStatement("DELETE FROM events WHERE seq = ?")) {
            for (Map.Entry<Long, String> row : reasonsBySeq.entrySet()) {
              copy.setString(1, row.getValue());
              copy.setString(2, Instant.now().toString());
              copy.setLong(3, row.getKey());
              copy.executeUpdate();
              delete.setLong(1, row.getKey());
              delete.executeUpdate();
            }
          }
        });
  }

  /** How many queued rows could not be read and were set aside (kept, never pushed). */
  public int setAsideCount() {
    return count("SELECT COUNT(*) FROM set_aside");
  }

  /** Takes acknowledged events out of the push queue (one transaction). */
  public void markSynced(Collection<String> eventIds) {
    inTransaction(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement(
                  "UPDATE events SET state = 'synced', last_error = NULL"
                      + " WHERE event_id = ? AND state = 'queued'")) {
            for (String id : eventIds) {
              ps.setString(1, id);
              ps.addBatch();
            }
            ps.executeBatch();
          }
        });
  }

  /** Keeps rejected events queued, counting the rejection and keeping the reason. */
  public void markRejected(Map<String, String> reasonsById) {
    inTransaction(
        () -> {
          try (PreparedStatement ps =
              db.prepareStatement(
                  "UPDATE events SET retry_count = retry_count + 1, last_error = ?"
                      + " WHERE event_id = ? AND state = 'queued'")) {
            for (Map.Entry<String, String> r : reasonsById.entrySet()) {
              ps.setString(1, r.getValue());
              ps.setString(2, r.getKey());
              ps.addBatch();
            }
            ps.executeBatch();
          }
        });
  }

  /** How many events wait to be pushed. */
  public int queuedCount() {
    return count("SELECT COUNT(*) FROM events WHERE state = 'queued'");
  }

  /** How many queued events the server has rejected at least once. */
  public int rejectedCount() {
    return count("SELECT COUNT(*) FROM events WHERE state = 'queued' AND retry_count > 0");
  }

  /** How many events came from teammates. */
  public int pulledCount() {
    return count("SELECT COUNT(*) FROM events WHERE state = 'pulled'");
  }

  private int count(String sql) {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  /**
   * Stores pulled events and the cursor that follows them in one transaction, so a crash never
   * moves the cursor past events that were not stored. Events already known (by id) are skipped;
   * the Lamport clock moves past the newest received. Returns how many were new.
   */
  public int storePulled(
      List<EventEnvelope> events, ServerUrl server, String nextCursor, Instant now) {
    int[] added = {0};
    inTransaction(
        () -> {
          long clock = lamportClock();
          long maxReceived = 0;
          try (PreparedStatement ps =
              db.prepareStatement(
                  "INSERT OR IGNORE INTO events(event_id, lamport_clock, envelope, state,"
                      + " recorded_at) VALUES (?, ?, ?, 'pulled', ?)")) {
            for (EventEnvelope e : events) {
              ps.setString(1, e.eventId());
              ps.setLong(2, e.lamportClock());
              ps.setString(3, toJson(e));
              ps.setString(4, now.toString());
              added[0] += ps.executeUpdate();
              maxReceived = Math.max(maxReceived, e.lamportClock());
            }
          }
          if (!events.isEmpty()) {
            putMeta(LAMPORT, Long.toString(Math.max(clock, maxReceived) + 1));
          }
          if (nextCursor != null) {
            putMeta(PULL_CURSOR + server.value(), nextCursor);
          }
        });
    return added[0];
  }

  /** All stored events of every state, in recording order (for inspection and tests). */
  public List<EventEnvelope> all() {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT envelope FROM events ORDER BY seq")) {
      List<EventEnvelope> all = new ArrayList<>();
      while (rs.next()) {
        all.add(Json.mapper().readValue(rs.getString(1), EventEnvelope.class));
      }
      return all;
    } catch (SQLException | JsonProcessingException e) {
      throw failure("read", e);
    }
  }

  private static String toJson(Object value) {
    try {
      return Json.compact().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses an envelope the server sent. */
  public static EventEnvelope envelopeOf(JsonNode node) throws JsonProcessingException {
    return Json.mapper().treeToValue(node, EventEnvelope.class);
  }

  private interface SqlWork {
    void run() throws SQLException;
  }

  private void inTransaction(SqlWork work) {
    try {
      db.setAutoCommit(false);
      try {
        work.run();
        db.commit();
      } catch (SQLException | RuntimeException e) {
        // SQLite may have rolled back already (a full disk does): keep the first error.
        quietly(db::rollback, e);
        throw e;
      } finally {
        quietly(() -> db.setAutoCommit(true), null);
      }
    } catch (SQLException e) {
      throw failure("write", e);
    }
  }

  private static void quietly(SqlStep step, Exception original) {
    try {
      step.run();
    } catch (SQLException e) {
      if (original != null) {
        original.addSuppressed(e);
      }
    }
  }

  private interface SqlStep {
    void run() throws SQLException;
  }

  private CliException failure(String verb, Exception e) {
    if (diskFull(e)) {
      return Failure.QUEUE_DISK_FULL.with("file", file);
    }
    return Failure.QUEUE_FAILED.with("verb", verb, "file", file, "reason", e.getMessage());
  }

  /** Whether SQLite failed because the disk (or the database's size limit) is full. */
  private static boolean diskFull(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException e && e.getResultCode() == SQLiteErrorCode.SQLITE_FULL) {
        return true;
      }
      if (String.valueOf(t.getMessage()).contains("No space left on device")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (SQLException ignored) {
      // Closing a read-only or already-failed connection: nothing to save.
    }
  }
}
