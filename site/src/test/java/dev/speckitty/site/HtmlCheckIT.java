package dev.speckitty.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built site, read as HTML: links and anchors resolve, every page is in the navigation, nothing
 * leaks.
 */
class HtmlCheckIT {
  static final Path SITE = Path.of(System.getProperty("site.dir"));
  static final Path DOCS = Path.of(System.getProperty("docs.dir"));
  static List<Path> pages;

  @BeforeAll
  static void pages() throws IOException {
    try (Stream<Path> files = Files.walk(SITE)) {
      pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
  }

  static Document parse(Path page) throws IOException {
    return Jsoup.parse(page.toFile(), "UTF-8");
  }

  @Test
  void everyInternalLinkAndAnchorResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      for (Element a : parse(page).select("a[href]")) {
        String href = a.attr("href");
        if (href.isEmpty()
            || href.startsWith("http:")
            || href.startsWith("https:")
            || href.startsWith("mailto:")) {
          continue;
        }
        URI uri = URI.create(href);
        Path target =
            uri.getPath() == null || uri.getPath().isEmpty()
                ? page
                : page.getParent().resolve(uri.getPath()).normalize();
        if (Files.isDirectory(target)) {
          target = target.resolve("index.html");
        }
        if (!Files.exists(target)) {
          broken.add(SITE.relativize(page) + ": " + href + " (no such page)");
        } else if (uri.getFragment() != null
            && !uri.getFragment().isEmpty()
            && target.toString().endsWith(".html")
            && parse(target).getElementById(uri.getFragment()) == null) {
          broken.add(SITE.relativize(page) + ": " + href + " (no such anchor)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void everyDocsPageIsReachableFromTheNavigation() throws IOException {
    Set<String> docsPages = new TreeSet<>();
    try (Stream<Path> files = Files.walk(DOCS)) {
      files
          .filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".adoc"))
          .map(f -> DOCS.relativize(f).toString().replaceAll("\\.(md|adoc)$", ".html"))
          .forEach(docsPages::add);
    }
    Set<String> inNavigation = new TreeSet<>();
    for (Path from : pages) {
      for (Element a : parse(from).select("#leftColumn a[href]")) {
        if (URI.create(a.attr("href")).getScheme() != null) {
          continue;
        }
        Path target = from.getParent().resolve(URI.create(a.attr("href")).getPath()).normalize();
        inNavigation.add(SITE.relativize(target).toString());
      }
    }
    assertThat(inNavigation).containsAll(docsPages).contains("reference/man/index.html");
  }

  @Test
  void noAnnotationOrSandboxValueIsVisibleOrLeftInTheHtml() throws IOException {
    for (Path page : pages) {
      String html = Files.readString(page);
      Document doc = parse(page);
      String text = doc.text();
      assertThat(html).as(page.toString()).doesNotContain("<!-- doctest");
      assertThat(text)
          .as(page.toString())
          .doesNotContain("${server.url}", "${user", "${sandbox", "reader@spec-kitty.test");
      if (!page.toString().contains("contributing")) {
        assertThat(text)
            .as(page.toString())
            .doesNotContain("doctest:", "vary=", "illustrative=", "scenario=");
      }
    }
  }

  static final List<String> EXECUTABLE =
      List.of(
          "tutorials/getting-started.html",
          "tutorials/your-first-feature.html",
          "tutorials/server-connection.html",
          "how-to/authenticate.html",
          "how-to/sync-to-server.html",
          "how-to/use-saas-dashboard.html",
          "how-to/check-your-setup.html");

  @Test
  void everyExecutablePageCarriesItsVerifiedBadgeLinkingToItsEvidence() throws IOException {
    for (String page : EXECUTABLE) {
      assertThat(parse(SITE.resolve(page)).select(".verified-badge")).as(page).hasSize(1);
      Element badge = parse(SITE.resolve(page)).selectFirst("main h1 + p.verified-badge");
      assertThat(badge).as(page).isNotNull();
      assertThat(badge.text())
          .as(page)
          .matches(
              "✓ Verified against spec-kitty 2\\.\\d+\\.\\d+ — \\d+ steps — \\d{4}-\\d{2}-\\d{2}");
      String evidence = badge.selectFirst("a").attr("href");
      assertThat(evidence)
          .isEqualTo(page.replaceFirst(".*/", "").replace(".html", "-evidence.html"));
      assertThat(SITE.resolve(page).resolveSibling(evidence)).exists();
    }
    assertThat(parse(SITE.resolve("explanations/sync-architecture.html")).select(".verified-badge"))
        .isEmpty();
  }

  /** A starting state is shown with the commands that set it up, not only its description. */
  @Test
  void theEvidenceShowsTheCommandsOfTheStartingState() throws IOException {
    assertThat(
            parse(SITE.resolve("how-to/authenticate-evidence.html"))
                .select("code.fixture-command")
                .eachText())
        .containsExactly(
            "mkdir -p ~/.spec-kitty",
            "printf '[server]\\nurl = \"%s\"\\n' 'https://your-server.example.com' >"
                + " ~/.spec-kitty/config.toml",
            "export KITTY_PASSWORD='********'");
  }

  @Test
  void headingAnchorsFollowTheDocsLinks() throws IOException {
    assertThat(
            parse(SITE.resolve("reference/configuration.html"))
                .getElementById("server-configuration-2x"))
        .isNotNull();
    assertThat(parse(SITE.resolve("reference/cli-commands.html")).getElementById("spec-kitty-auth"))
        .isNotNull();
    assertThat(parse(SITE.resolve("reference/cli-commands.html")).getElementById("spec-kitty-sync"))
        .isNotNull();
  }

  @Test
  void manPagesArePublishedForEveryCommand() throws IOException {
    Document index = parse(SITE.resolve("reference/man/index.html"));
    assertThat(index.select("a[href$=.html]").eachText())
        .contains("spec-kitty", "spec-kitty auth login", "spec-kitty sync now", "spec-kitty move");
    assertThat(parse(SITE.resolve("reference/man/spec-kitty-auth-login.html")).text())
        .contains("--password-stdin");
  }

  static final Path REPORTS = Path.of(System.getProperty("doctest.reports"));
  static final Pattern CSS_URL =
      Pattern.compile("(?:url\\(\\s*['\"]?|@import\\s+['\"])((?:https?:)?//[^'\")\\s]+)");

  static JsonNode report(String page) throws IOException {
    String source = page.replace(".html", ".md");
    if (!Files.exists(DOCS.resolve(source))) {
      source = page.replace(".html", ".adoc");
    }
    return new ObjectMapper().readTree(REPORTS.resolve(source + ".json").toFile());
  }

  static boolean external(String url) {
    String u = url.strip().toLowerCase(java.util.Locale.ROOT);
    return (u.startsWith("http:") || u.startsWith("https:") || u.startsWith("//"))
        && !u.matches("^(https?:)?//(127\\.0\\.0\\.1|localhost)([:/].*)?$");
  }

  @Test
  void noPageLoadsAnythingFromAnotherHost() throws IOException {
    List<String> loads = new ArrayList<>();
    Map<String, String> loaders =
        Map.of(
            "script[src]", "src",
            "link[href]", "href",
            "img[src]", "src",
            "iframe[src]", "src",
            "source[src]", "src",
            "video[src]", "src",
            "audio[src]", "src",
            "embed[src]", "src",
            "object[data]", "data");
    for (Path page : pages) {
      Document doc = parse(page);
      loaders.forEach(
          (selector, attr) -> {
            for (Element e : doc.select(selector)) {
              if (external(e.attr(attr))) {
                loads.add(SITE.relativize(page) + ": <" + e.tagName() + "> " + e.attr(attr));
              }
            }
          });
      for (Element e : doc.select("img[srcset], source[srcset]")) {
        if (Arrays.stream(e.attr("srcset").split(",")).anyMatch(HtmlCheckIT::external)) {
          loads.add(SITE.relativize(page) + ": srcset " + e.attr("srcset"));
        }
      }
      for (Element e : doc.select("[style], style")) {
        Matcher m = CSS_URL.matcher(e.hasAttr("style") ? e.attr("style") : e.data());
        while (m.find()) {
          if (external(m.group(1))) {
            loads.add(SITE.relativize(page) + ": style " + m.group(1));
          }
        }
      }
    }
    try (Stream<Path> files = Files.walk(SITE)) {
      for (Path css : files.filter(f -> f.toString().endsWith(".css")).toList()) {
        Matcher m = CSS_URL.matcher(Files.readString(css));
        while (m.find()) {
          if (external(m.group(1))) {
            loads.add(SITE.relativize(css) + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(pages).hasSizeGreaterThan(20);
    assertThat(loads).isEmpty();
  }

  @Test
  void everyScriptAndStylesheetAPageLoadsIsInTheSite() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path page : pages) {
      Document doc = parse(page);
      for (Element e : doc.select("script[src], link[rel=stylesheet][href]")) {
        String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
        if (!Files.isRegularFile(page.getParent().resolve(URI.create(url).getPath()))) {
          missing.add(SITE.relativize(page) + ": " + url);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyPageLinksItsStylesheetOnceAndNamesTheProjectInItsFooter() throws IOException {
    for (Path page : pages) {
      Document doc = parse(page);
      assertThat(doc.select("link[href$=css/site.css]")).as(page.toString()).hasSize(1);
      assertThat(doc.select("footer").text()).as(page.toString()).contains("spec-kitty");
      assertThat(doc.select("#banner #search-input")).as(page.toString()).hasSize(1);
    }
  }

  @Test
  void everyCodeBlockHasACopyButtonAndCommandBlocksCopyTheirCommandsOnly() throws IOException {
    int blocks = 0;
    for (Path page : pages) {
      for (Element pre : parse(page).select("main pre")) {
        blocks++;
        Element wrapper = pre.parent();
        assertThat(wrapper.hasClass("code-block")).as(page + ": " + pre.text()).isTrue();
        Element button = wrapper.selectFirst("> button.copy-button");
        assertThat(button).as(page + ": " + pre.text()).isNotNull();
        if (!wrapper.attr("data-role").equals("command")) {
          assertThat(button.attr("data-clipboard-target")).isEqualTo("#" + pre.id());
        }
      }
    }
    assertThat(blocks).isGreaterThan(50);
    for (String page : EXECUTABLE) {
      Document doc = parse(SITE.resolve(page));
      for (JsonNode step : report(page).path("steps")) {
        for (JsonNode block : step.path("blocks")) {
          Element pre = doc.getElementById("L" + block.path("line").asInt());
          assertThat(pre).as(page + ":" + block.path("line")).isNotNull();
          Element wrapper = pre.parent();
          assertThat(wrapper.attr("data-role")).isEqualTo(block.path("role").asText());
          if (block.path("role").asText().equals("command")) {
            assertThat(wrapper.selectFirst("button").attr("data-clipboard-text"))
                .as(page + ":" + block.path("line"))
                .isEqualTo(block.path("text").asText())
                .isEqualTo(pre.wholeText().strip());
          }
        }
      }
    }
  }

  @Test
  void howEachStepWasVerifiedIsNotedRightAfterItsLastBlock() throws IOException {
    int notes = 0;
    for (String page : EXECUTABLE) {
      Document doc = parse(SITE.resolve(page));
      JsonNode report = report(page);
      for (JsonNode step : report.path("steps")) {
        if (step.path("how_verified").isEmpty()) {
          continue;
        }
        Element note;
        if (step.has("browser")) {
          // A browser step has no block: its note carries the step's line for the evidence link.
          note = doc.getElementById("L" + step.path("line").asInt());
        } else {
          JsonNode last = step.path("blocks").get(step.path("blocks").size() - 1);
          Element after = doc.getElementById("L" + last.path("line").asInt()).parent();
          note = after.nextElementSibling();
        }
        assertThat(note).as(page + ":" + step.path("line")).isNotNull();
        assertThat(note.hasClass("how-verified")).as(page + ":" + step.path("line")).isTrue();
        for (JsonNode text : step.path("how_verified")) {
          assertThat(note.text()).contains(text.asText().replace("`", ""));
          notes++;
        }
      }
      Element pageNotes = doc.selectFirst("main p.verified-badge + p.how-verified.page-notes");
      if (report.path("how_verified").isEmpty()) {
        assertThat(pageNotes).as(page).isNull();
      } else {
        for (JsonNode text : report.path("how_verified")) {
          assertThat(pageNotes.text()).as(page).contains(text.asText().replace("`", ""));
        }
      }
    }
    assertThat(notes).isGreaterThan(5);
  }

  @Test
  void evidencePagesShowEveryStepAsItRan() throws IOException {
    for (String page : EXECUTABLE) {
      JsonNode report = report(page);
      Document evidence = parse(SITE.resolve(page.replace(".html", "-evidence.html")));
      Elements steps = evidence.select("main section.evidence-step");
      assertThat(steps).as(page).hasSize(report.path("steps").size());
      String text = evidence.select("main").text();
      assertThat(text)
          .contains(
              "spec-kitty " + report.path("tool").path("version").asText(),
              report.path("tool").path("sha256").asText(),
              report.path("engine").path("sha256").asText(),
              report.path("verified_at").asText().substring(0, 10));
      int i = 0;
      for (JsonNode step : report.path("steps")) {
        Element shown = steps.get(i++);
        assertThat(shown.id()).isEqualTo("step-L" + step.path("line").asInt());
        assertThat(shown.text()).contains(step.path("status").asText());
        if (step.has("hidden_command")) {
          assertThat(shown.select("pre").eachText()).contains(step.path("hidden_command").asText());
        }
        if (step.has("ran") && !step.path("ran").path("output").asText().isEmpty()) {
          assertThat(shown.selectFirst("pre.ran-output").wholeText())
              .isEqualTo(step.path("ran").path("output").asText());
          assertThat(shown.text())
              .contains("Exit code " + step.path("ran").path("exit_code").asInt());
        }
      }
    }
  }

  @Test
  void pagesWithThreeOrMoreSectionsListThemOnThePage() throws IOException {
    int withToc = 0;
    for (Path page : pages) {
      if (page.toString().endsWith("-evidence.html")) {
        continue;
      }
      Document doc = parse(page);
      Elements sections = doc.select("main h2");
      Element toc = doc.selectFirst("main nav.page-toc");
      if (sections.size() >= 3) {
        withToc++;
        assertThat(toc).as(page.toString()).isNotNull();
        assertThat(toc.select("> ul > li > a").eachText())
            .as(page.toString())
            .isEqualTo(sections.eachText());
      } else {
        assertThat(toc).as(page.toString()).isNull();
      }
    }
    assertThat(withToc).isGreaterThan(5);
  }

  @Test
  void everyDocsPageLinksToItsSourceForEditing() throws IOException {
    String editUrl = System.getProperty("site.editUrl");
    try (Stream<Path> files = Files.walk(DOCS)) {
      for (Path source : files.filter(f -> f.toString().matches(".*\\.(md|adoc)$")).toList()) {
        String rel = DOCS.relativize(source).toString();
        Document page = parse(SITE.resolve(rel.replaceAll("\\.(md|adoc)$", ".html")));
        assertThat(page.select("main .edit-page a").eachAttr("href"))
            .as(rel)
            .containsExactly(editUrl + "docs/" + rel);
      }
    }
  }

  @Test
  void manPagesAreShownInTheSiteLayoutWithEverySection() throws IOException {
    Document man = parse(SITE.resolve("reference/man/spec-kitty-auth-login.html"));
    assertThat(man.select("#leftColumn a[href$=cli-commands.html]")).isNotEmpty();
    assertThat(man.select("main h2").eachText()).contains("Name", "Synopsis", "Options");
    assertThat(man.select("main").text())
        .contains("spec-kitty-auth-login - Log in to the configured server.");
  }

  @Test
  void theSearchIndexCoversEveryPage() throws IOException {
    String js = Files.readString(SITE.resolve("search-index.js"));
    JsonNode index =
        new ObjectMapper().readTree(js.substring(js.indexOf('['), js.lastIndexOf(']') + 1));
    Set<String> indexed = new TreeSet<>();
    index.forEach(e -> indexed.add(e.path("url").asText().replaceFirst("#.*", "")));
    Set<String> expected = new TreeSet<>();
    for (Path page : pages) {
      String rel = SITE.relativize(page).toString();
      if (!rel.endsWith("-evidence.html")) {
        expected.add(rel);
      }
    }
    assertThat(indexed).isEqualTo(expected);
  }
}
