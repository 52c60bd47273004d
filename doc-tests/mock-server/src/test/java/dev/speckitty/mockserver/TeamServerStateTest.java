package dev.speckitty.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the state keeps across a save and load: here, who pushed each event. */
class TeamServerStateTest {
  private static TeamServerState fresh() {
    return new TeamServerState(Fixtures.users(), Clock.systemUTC());
  }

  private static List<JsonNode> events(TutorialEvents events) {
    return List.copyOf(events.events());
  }

  @Test
  void toJsonAndLoadKeepWhoPushedEachEvent() {
    TeamServerState state = fresh();
    TutorialEvents mine = new TutorialEvents("photo-app", "001-photo-gallery");
    TutorialEvents theirs = new TutorialEvents("calendar-app", "001-team-calendar");
    state.store(
        "kitty-team", "reader@spec-kitty.test", events(mine.init().specify("Photo")), false);
    state.store("kitty-team", "teammate@spec-kitty.test", events(theirs.init()), false);

    TeamServerState loaded = fresh();
    loaded.load(state.toJson());

    assertThat(loaded.events("kitty-team"))
        .extracting(TeamServerState.StoredEvent::pushedBy)
        .containsExactly(
            "reader@spec-kitty.test", "reader@spec-kitty.test", "teammate@spec-kitty.test");
    assertThat(loaded.toJson()).isEqualTo(state.toJson());
  }

  @Test
  void aDuplicateKeepsItsFirstPusher() {
    TeamServerState state = fresh();
    List<JsonNode> events = events(new TutorialEvents("photo-app", "001-x").init());
    state.store("kitty-team", "reader@spec-kitty.test", events, false);

    List<TeamServerState.Verdict> again =
        state.store("kitty-team", "teammate@spec-kitty.test", events, false);

    assertThat(again).extracting(TeamServerState.Verdict::status).containsExactly("duplicate");
    assertThat(state.events("kitty-team"))
        .singleElement()
        .extracting(TeamServerState.StoredEvent::pushedBy)
        .isEqualTo("reader@spec-kitty.test");
  }

  @Test
  void eventsSavedWithoutPushersLoadAsPushedByAnUnknownUser() {
    TeamServerState state = fresh();
    state.store(
        "kitty-team",
        "reader@spec-kitty.test",
        events(new TutorialEvents("photo-app", "001-x").init()),
        false);
    ObjectNode saved = state.toJson();
    saved.remove("pushed_by");

    TeamServerState loaded = fresh();
    loaded.load(saved);

    assertThat(loaded.events("kitty-team"))
        .singleElement()
        .extracting(TeamServerState.StoredEvent::pushedBy)
        .isEqualTo(TeamServerState.UNKNOWN_PUSHER);
  }

  @Test
  void teammatesEventsArePushedByTheTeammate() {
    TeamServerState state = fresh();

    state.seedTeammates("kitty-team");

    assertThat(state.events("kitty-team"))
        .hasSize(3)
        .allSatisfy(e -> assertThat(e.pushedBy()).isEqualTo("teammate@spec-kitty.test"));
  }
}
