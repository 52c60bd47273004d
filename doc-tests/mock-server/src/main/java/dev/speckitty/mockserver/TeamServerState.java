package dev.speckitty.mockserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the mock server remembers, like a real one would: the users, the tokens it issued
 * (with fixed lifetimes), and each team's events, deduplicated by {@code event_id}.
 */
public final class TeamServerState {
  /** Access token lifetime: 24 h, why the tutorial shows {@code 23h} right after login. */
  public static final Duration ACCESS_LIFETIME = Duration.ofHours(24);

  /** Refresh token lifetime: 7 d, why the tutorial shows {@code 6d}. */
  public static final Duration REFRESH_LIFETIME = Duration.ofDays(7);

  public static final int MAX_BATCH = 1000;

  private static final Pattern ULID = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");

  /** The envelope's fields, as the API contract lists them. */
  static final List<String> ENVELOPE_FIELDS = Contract.envelopeFields();

  /**
   * Who a token belongs to.
   *
   * @param username the user
   * @param team the user's team
   * @param expiresAt when the token stops working
   */
  public record Session(String username, String team, Instant expiresAt) {}

  /** Who pushed an event saved before the server remembered pushers. */
  public static final String UNKNOWN_PUSHER = "unknown user";

  /**
   * A stored event.
   *
   * @param seq its position in the team's log (the pull cursor)
   * @param event the envelope as received
   * @param pushedBy the user whose session pushed it (the envelope does not say who)
   */
  public record StoredEvent(long seq, ObjectNode event, String pushedBy) {}

  /** A team's events in arrival order; an event's seq is its index + 1. */
  private static final class TeamLog {
    final List<StoredEvent> events = new ArrayList<>();
    final Map<String, StoredEvent> byId = new HashMap<>();

    void add(ObjectNode event, String pushedBy) {
      StoredEvent stored = new StoredEvent(events.size() + 1L, event, pushedBy);
      events.add(stored);
      byId.put(event.path("event_id").asText(), stored);
    }
  }

  /** A stored-or-not verdict per pushed event. */
  public record Verdict(String eventId, String status, String error) {}

  private final Map<String, Fixtures.User> users = new LinkedHashMap<>();
  private final Map<String, Session> access = new HashMap<>();
  private final Map<String, Session> refresh = new HashMap<>();
  private final Map<String, TeamLog> teams = new HashMap<>();
  private final Clock clock;
  private long tokens;
  private volatile Runnable onChange = () -> {};

  public TeamServerState(List<Fixtures.User> users, Clock clock) {
    users.forEach(u -> this.users.put(u.username(), u));
    this.clock = clock;
  }

  /**
   * Calls {@code listener} after every change to what this state remembers (tokens issued or spent,
   * events stored, a reset), still holding the state's lock: it must return at once. The sandbox
   * saves the state this way, so a restart keeps the readers' sessions and events.
   */
  public void onChange(Runnable listener) {
    this.onChange = listener;
  }

  /** A token pair for a correct username and password. */
  public synchronized Optional<ObjectNode> login(String username, String password) {
    Fixtures.User user = users.get(username);
    if (user == null || !user.password().equals(password)) {
      return Optional.empty();
    }
    return Optional.of(issue(user.username(), user.team()));
  }

  /** A new pair for a valid refresh token; the old refresh token stops working. */
  public synchronized Optional<ObjectNode> refresh(String refreshToken) {
    Session s = refresh.remove(refreshToken);
    if (s == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(s.expiresAt())) {
      onChange.run();
      return Optional.empty();
    }
    return Optional.of(issue(s.username(), s.team()));
  }

  private ObjectNode issue(String username, String team) {
    Instant now = clock.instant();
    tokens++;
    String a = "ska_%06d_%s".formatted(tokens, Integer.toHexString(username.hashCode()));
    String r = "skr_%06d_%s".formatted(tokens, Integer.toHexString(team.hashCode()));
    access.put(a, new Session(username, team, now.plus(ACCESS_LIFETIME)));
    refresh.put(r, new Session(username, team, now.plus(REFRESH_LIFETIME)));
    onChange.run();
    return Responses.JSON
        .createObjectNode()
        .put("access", a)
        .put("refresh", r)
        .put("access_expires_in", ACCESS_LIFETIME.toSeconds())
        .put("refresh_expires_in", REFRESH_LIFETIME.toSeconds())
        .put("team_slug", team);
  }

  /** The session of a {@code Bearer} header, if the access token is known and unexpired. */
  public synchronized Optional<Session> authenticate(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return Optional.empty();
    }
    Session s = access.get(authorization.substring("Bearer ".length()).strip());
    return s != null && clock.instant().isBefore(s.expiresAt()) ? Optional.of(s) : Optional.empty();
  }

  /** Makes every issued access token expired (refresh tokens still work). */
  public synchronized void expireAccessTokens() {
    Instant past = clock.instant().minusSeconds(1);
    access.replaceAll((t, s) -> new Session(s.username(), s.team(), past));
    onChange.run();
  }

  /**
   * Stores a batch {@code pushedBy} a user of {@code team}: new events {@code success}, known ids
   * {@code duplicate} (keeping their first pusher), malformed ones {@code rejected} with the
   * reason. With {@code rejectFirst}, the first event is rejected as the {@code rejected-event}
   * scenario asks.
   */
  public synchronized List<Verdict> store(
      String team, String pushedBy, List<JsonNode> events, boolean rejectFirst) {
    TeamLog log = teams.computeIfAbsent(team, t -> new TeamLog());
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      JsonNode e = events.get(i);
      String id = e.path("event_id").asText();
      String problem = problem(e, team);
      if (problem == null && rejectFirst && i == 0) {
        problem = "aggregate " + e.path("aggregate_id").asText() + " is locked by another change";
      }
      if (problem != null) {
        verdicts.add(new Verdict(id, "rejected", problem));
      } else if (log.byId.containsKey(id)) {
        verdicts.add(new Verdict(id, "duplicate", null));
      } else {
        log.add((ObjectNode) e.deepCopy(), pushedBy);
        verdicts.add(new Verdict(id, "success", null));
      }
    }
    onChange.run();
    return verdicts;
  }

  private static String problem(JsonNode e, String team) {
    if (!e.isObject()) {
      return "an event must be a JSON object";
    }
    for (String field : ENVELOPE_FIELDS) {
      if (!e.hasNonNull(field)) {
        return field + " is required";
      }
    }
    if (!ULID.matcher(e.get("event_id").asText()).matches()) {
      return "event_id must be a ULID";
    }
    if (!e.get("payload").isObject()) {
      return "payload must be an object";
    }
    if (!e.get("lamport_clock").canConvertToLong() || e.get("lamport_clock").asLong() < 1) {
      return "lamport_clock must be a positive integer";
    }
    if (!e.get("team_slug").asText().equals(team)) {
      return "team_slug '" + e.get("team_slug").asText() + "' is not your team '" + team + "'";
    }
    return null;
  }

  /**
   * One page of a team's events after {@code cursor}.
   *
   * @param events the page
   * @param nextCursor the cursor to ask with next
   * @param hasMore whether more events follow
   */
  public record Page(List<ObjectNode> events, String nextCursor, boolean hasMore) {}

  /**
   * Events after {@code cursor}, oldest first, leaving out those recorded by {@code excludeNode}
   * (the caller's own). The next cursor is the last position looked at, returned or not.
   */
  public synchronized Page pull(String team, String cursor, int limit, String excludeNode) {
    int after = cursor == null || cursor.isBlank() ? 0 : Integer.parseInt(cursor);
    List<StoredEvent> log = teams.containsKey(team) ? teams.get(team).events : List.of();
    List<ObjectNode> page = new ArrayList<>();
    int position = Math.min(after, log.size());
    while (position < log.size() && page.size() < limit) {
      ObjectNode event = log.get(position).event();
      position++;
      if (excludeNode == null || !excludeNode.equals(event.path("node_id").asText())) {
        page.add(event);
      }
    }
    return new Page(page, Integer.toString(position), position < log.size());
  }

  /** A team's stored events, oldest first. */
  public synchronized List<StoredEvent> events(String team) {
    return teams.containsKey(team) ? List.copyOf(teams.get(team).events) : List.of();
  }

  /** The teams that have events. */
  public synchronized List<String> teams() {
    return List.copyOf(teams.keySet());
  }

  /** Adds the teammates' events of the fixture to {@code team}'s log (idempotent). */
  public synchronized void seedTeammates(String team) {
    List<JsonNode> fixture = new ArrayList<>();
    for (JsonNode e : Fixtures.teammateEvents()) {
      fixture.add(((ObjectNode) e.deepCopy()).put("team_slug", team));
    }
    store(team, Fixtures.teammatePusher(), fixture, false);
  }

  /** Forgets all tokens and events. */
  public synchronized void reset() {
    access.clear();
    refresh.clear();
    teams.clear();
    tokens = 0;
    onChange.run();
  }

  /**
   * Everything this state remembers but the users (which come from the fixtures), as JSON: {@code
   * teams} holds each team's events as received, {@code pushed_by} who pushed each (team → event id
   * → user).
   */
  public synchronized ObjectNode toJson() {
    ObjectNode n = Responses.JSON.createObjectNode();
    n.put("tokens_issued", tokens);
    sessions(n.putObject("access"), access);
    sessions(n.putObject("refresh"), refresh);
    ObjectNode teamLogs = n.putObject("teams");
    ObjectNode pushers = n.putObject("pushed_by");
    teams.forEach(
        (team, log) -> {
          var events = teamLogs.putArray(team);
          ObjectNode byId = pushers.putObject(team);
          log.events.forEach(
              e -> {
                events.add(e.event());
                byId.put(e.event().path("event_id").asText(), e.pushedBy());
              });
        });
    return n;
  }

  private static void sessions(ObjectNode out, Map<String, Session> sessions) {
    sessions.forEach(
        (token, s) ->
            out.putObject(token)
                .put("username", s.username())
                .put("team", s.team())
                .put("expires_at", s.expiresAt().toString()));
  }

  /**
   * Replaces what this state remembers with what {@link #toJson()} wrote; events saved without a
   * pusher get {@link #UNKNOWN_PUSHER}.
   */
  public synchronized void load(JsonNode saved) {
    reset();
    tokens = saved.path("tokens_issued").asLong();
    readSessions(saved.path("access"), access);
    readSessions(saved.path("refresh"), refresh);
    saved
        .path("teams")
        .properties()
        .forEach(
            t -> {
              TeamLog log = teams.computeIfAbsent(t.getKey(), k -> new TeamLog());
              JsonNode pushers = saved.path("pushed_by").path(t.getKey());
              for (JsonNode e : t.getValue()) {
                String id = e.path("event_id").asText();
                log.add((ObjectNode) e.deepCopy(), pushers.path(id).asText(UNKNOWN_PUSHER));
              }
            });
  }

  private static void readSessions(JsonNode in, Map<String, Session> sessions) {
    in.properties()
        .forEach(
            e ->
                sessions.put(
                    e.getKey(),
                    new Session(
                        e.getValue().path("username").asText(),
                        e.getValue().path("team").asText(),
                        Instant.parse(e.getValue().path("expires_at").asText()))));
  }

  static boolean isValidCursor(String cursor) {
    return cursor == null
        || cursor.isEmpty()
        || (cursor.length() < 10 && cursor.chars().allMatch(Character::isDigit));
  }
}
