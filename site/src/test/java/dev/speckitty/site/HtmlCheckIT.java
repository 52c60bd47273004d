package dev.speckitty.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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

  @Test
  void everyExecutablePageCarriesItsVerifiedBadge() throws IOException {
    for (String page :
        List.of(
            "tutorials/getting-started.html",
            "tutorials/your-first-feature.html",
            "tutorials/server-connection.html",
            "how-to/authenticate.html",
            "how-to/sync-to-server.html",
            "how-to/use-saas-dashboard.html",
            "how-to/check-your-setup.html")) {
      assertThat(parse(SITE.resolve(page)).select(".verified-badge")).as(page).hasSize(1);
      Element badge = parse(SITE.resolve(page)).selectFirst("main h1 + p.verified-badge");
      assertThat(badge).as(page).isNotNull();
      assertThat(badge.text())
          .as(page)
          .matches(
              "✓ Verified against spec-kitty 2\\.\\d+\\.\\d+ — \\d+ steps — \\d{4}-\\d{2}-\\d{2}");
    }
    assertThat(parse(SITE.resolve("explanations/sync-architecture.html")).select(".verified-badge"))
        .isEmpty();
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
}
