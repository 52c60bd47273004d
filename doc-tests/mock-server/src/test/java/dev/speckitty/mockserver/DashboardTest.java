package dev.speckitty.mockserver;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The team dashboard as a browser gets it: boards, activity, escaping, the empty state. */
class DashboardTest extends ContractCheckedServerTest {
  static final String USER = "reader@spec-kitty.test";
  static final String BOARD = "section.board[data-feature=001-photo-gallery]";

  private void push(String user, String password, TutorialEvents events) {
    Api.Answer answer = api.pushGzip(api.login(user, password), events.batch());
    assertThat(answer.json().findValuesAsText("status")).containsOnly("success");
  }

  private Document dashboard() {
    Api.Answer page = api.get("/a/kitty-team/dashboards/", null);
    assertThat(page.status()).isEqualTo(200);
    return Jsoup.parse(page.body());
  }

  private static List<String> cards(Element board, String lane) {
    return board.select(".lane[data-lane=" + lane + "] .card").eachAttr("data-wp");
  }

  @Test
  void tutorialLeavesFiveCardsInDoneAndNoneElsewhere() {
    push(USER, "kitty-42", TutorialEvents.yourFirstFeature());

    Document page = dashboard();
    Element board = page.selectFirst(BOARD);

    assertThat(page.title()).isEqualTo("kitty-team · Spec Kitty dashboard");
    assertThat(page.select("section.project[data-project=photo-app] section.board")).hasSize(1);
    assertThat(board.select(".lane").eachAttr("data-lane"))
        .containsExactly("planned", "doing", "for_review", "done");
    assertThat(cards(board, "done")).containsExactly("WP01", "WP02", "WP03", "WP04", "WP05");
    assertThat(cards(board, "planned")).isEmpty();
    assertThat(cards(board, "doing")).isEmpty();
    assertThat(cards(board, "for_review")).isEmpty();
    assertThat(board.select(".lane[data-lane=done] .count").text()).isEqualTo("5");
    assertThat(board.select(".card[data-wp=WP04] .title").text()).isEqualTo("User interface");
    assertThat(board.select(".feature-title").text()).isEqualTo("Photo gallery");
    assertThat(board.attr("data-status")).isEqualTo("accepted");
    assertThat(board.select(".progress").text()).isEqualTo("5 of 5 done");
    assertThat(page.select("#summary").text()).isEqualTo("Sandbox dashboard: 48 events received.");
  }

  @Test
  void boardShowsEachCardInItsCurrentLaneMidway() {
    TutorialEvents events = new TutorialEvents("photo-app", "001-photo-gallery");
    events.init().specify("Photo gallery").plan(5);
    events.tasks(TutorialEvents.WPS, TutorialEvents.TITLES);
    events.move("WP01", "planned", "doing").move("WP01", "doing", "for_review");
    events.move(List.of("WP02", "WP03"), "planned", "doing");
    push(USER, "kitty-42", events);

    Element board = dashboard().selectFirst(BOARD);

    assertThat(cards(board, "planned")).containsExactly("WP04", "WP05");
    assertThat(cards(board, "doing")).containsExactly("WP02", "WP03");
    assertThat(cards(board, "for_review")).containsExactly("WP01");
    assertThat(cards(board, "done")).isEmpty();
    assertThat(board.select(".status").text()).isEqualTo("in progress");
    assertThat(board.select(".progress").text()).isEqualTo("0 of 5 done");
  }

  @Test
  void activityNamesWhoPushedTheLatestChangesFirst() {
    push(USER, "kitty-42", TutorialEvents.yourFirstFeature());

    List<Element> items = dashboard().select("#activity li");

    assertThat(items).hasSize(Activity.SIZE);
    assertThat(items).allSatisfy(li -> assertThat(li.select(".who").text()).isEqualTo(USER));
    assertThat(items.stream().map(li -> li.select(".what").text()).limit(6))
        .containsExactly(
            "accepted feature 001-photo-gallery",
            "moved WP05 from for_review to done",
            "moved WP04 from for_review to done",
            "moved WP03 from for_review to done",
            "moved WP02 from for_review to done",
            "moved WP05 from doing to for_review");
    assertThat(items.get(0).select("time").text()).isEqualTo("2026-03-01 09:00:13 UTC");
    assertThat(items.get(0).select("time").attr("datetime")).isEqualTo("2026-03-01T09:00:13Z");
    assertThat(items.get(0).select(".where").text()).isEqualTo("photo-app · 001-photo-gallery");
    assertThat(items).noneMatch(li -> li.attr("data-event-type").equals("HistoryAdded"));
  }

  @Test
  void activityNamesTeammatesForTheirEvents() {
    TutorialEvents mine = new TutorialEvents("photo-app", "001-photo-gallery");
    push(USER, "kitty-42", mine.init().specify("Photo gallery"));
    TutorialEvents theirs = new TutorialEvents("calendar-app", "001-team-calendar");
    push("teammate@spec-kitty.test", "purr-123", theirs.init());

    List<Element> items = dashboard().select("#activity li");

    // Newest first by timestamp; events of the same second, the later arrival first.
    assertThat(items.stream().map(li -> li.select(".line").text()))
        .containsExactly(
            USER + " created feature 001-photo-gallery",
            "teammate@spec-kitty.test created project calendar-app",
            USER + " created project photo-app");
    assertThat(items.get(1).select(".avatar").text()).isEqualTo("T");
  }

  @Test
  void hostileTextIsEscapedByTheTemplate() {
    String hostile = "<script>alert('x')</script>";
    TutorialEvents events = new TutorialEvents("app\"><img src=x>", "001-x");
    events.init().specify(hostile).plan(1).tasks(List.of("WP01"), List.of(hostile));
    push(USER, "kitty-42", events);

    String body = api.get("/a/kitty-team/dashboards/", null).body();
    Document page = Jsoup.parse(body);

    assertThat(body).doesNotContain("<script", "<img").contains("&lt;script&gt;");
    assertThat(page.select("script, img")).isEmpty();
    assertThat(page.select(".feature-title").text()).isEqualTo(hostile);
    assertThat(page.select(".card[data-wp=WP01] .title").text()).isEqualTo(hostile);
    assertThat(page.select("section.project").attr("data-project")).isEqualTo("app\"><img src=x>");
  }

  @Test
  void teamWithoutEventsShowsTheEmptyState() {
    Document page = dashboard();

    assertThat(page.select("#empty-state").text())
        .isEqualTo("Nothing here yet No events yet. Run spec-kitty sync now.");
    assertThat(page.select("#empty-state code").text()).isEqualTo("spec-kitty sync now");
    assertThat(page.select("section.board, #activity li")).isEmpty();
    assertThat(page.select("#summary").text()).isEqualTo("Sandbox dashboard: 0 events received.");
  }

  @Test
  void stylesheetComesFromTheServerItself() {
    Document page = dashboard();

    Api.Answer css = api.get(page.select("link[rel=stylesheet]").attr("href"), null);

    assertThat(page.select("link[rel=stylesheet]").eachAttr("href"))
        .containsExactly("/static/dashboard.css");
    assertThat(page.select("script")).isEmpty();
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.body()).contains(".lane[data-lane=\"done\"]").doesNotContain("http");
  }

  @Test
  void withoutTemplateEscapingTheDashboardShowsNoPushedData() {
    TeamServerState state = new TeamServerState(Fixtures.users(), Clock.systemUTC());
    state.store(
        "kitty-team",
        USER,
        List.copyOf(new TutorialEvents("<b>app</b>", "001-x").init().events()),
        false);
    // As WireMock standalone (and its Docker image) runs the stub files: escaping always off.
    WireMockServer standalone =
        new WireMockServer(
            wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .usingFilesUnderClasspath("mock-server")
                .withTemplateEscapingDisabled(true)
                .extensions(new SpecKittyExtensions(state)));
    standalone.start();
    try {
      String body =
          new Api("http://127.0.0.1:" + standalone.port())
              .get("/a/kitty-team/dashboards/", null)
              .body();

      assertThat(Jsoup.parse(body).select("#no-model h1").text())
          .isEqualTo("Dashboard unavailable");
      assertThat(body).doesNotContain("<b>app</b>", "kitty-team");
    } finally {
      standalone.stop();
    }
  }
}
