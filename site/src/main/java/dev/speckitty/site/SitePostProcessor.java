package dev.speckitty.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doctest.config.DocTestConfig;
import dev.doctest.report.Anchors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finishes the rendered site: a "Verified" badge on every executable page from its doc-test report
 * (a page whose doc-test failed, or has no report, fails the build), heading anchors by the same
 * rules as the docs' links ({@code #server-configuration-2x}), and no doc-test annotation left in
 * the HTML.
 */
public final class SitePostProcessor {
  private final Path site;
  private final Path docs;
  private final Path reports;

  /** Whether this is a quick preview built without the doc-tests (never in CI). */
  private final boolean allowUnverified;

  private final ObjectMapper json = new ObjectMapper();

  SitePostProcessor(Path site, Path docs, Path reports, boolean allowUnverified) {
    this.site = site;
    this.docs = docs;
    this.reports = reports;
    this.allowUnverified = allowUnverified;
  }

  /** Arguments: site dir, docs dir, reports dir, and optionally {@code --allow-unverified}. */
  public static void main(String[] args) {
    SitePostProcessor p =
        new SitePostProcessor(
            Path.of(args[0]),
            Path.of(args[1]),
            Path.of(args[2]),
            args.length > 3 && args[3].equals("--allow-unverified"));
    List<String> problems = p.run();
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "The site shows only verified pages:\n  " + String.join("\n  ", problems));
    }
  }

  List<String> run() {
    List<String> problems = new ArrayList<>();
    DocTestConfig config = DocTestConfig.load(docs);
    try (Stream<Path> pages = Files.walk(site)) {
      for (Path page : pages.filter(f -> f.toString().endsWith(".html")).toList()) {
        Path rel = site.relativize(page);
        String name = rel.toString();
        String base = name.substring(0, name.length() - 5);
        Path source = docs.resolve(base + ".md");
        if (!Files.exists(source)) {
          source = docs.resolve(base + ".adoc");
        }
        if (!Files.exists(source)) {
          continue; // a page the build generated, not a doc (man pages)
        }
        Document html = Jsoup.parse(page.toFile(), "UTF-8");
        fixAnchors(html);
        rewriteDocLinks(html);
        removeComments(html);
        if (config.isExecutable(source)) {
          badge(html, docs.relativize(source), problems);
        }
        html.outputSettings().prettyPrint(false);
        Files.writeString(page, html.outerHtml(), StandardCharsets.UTF_8);
      }
      Path api = docs.resolve("reference/server-api.openapi.yaml");
      Files.createDirectories(site.resolve("reference"));
      Files.copy(
          api,
          site.resolve("reference/server-api.openapi.yaml"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return problems;
  }

  /** Doxia names anchors {@code Section_two}; the docs link to {@code #section-two}. */
  private static void fixAnchors(Document html) {
    List<Element> headings = html.select("main h1, main h2, main h3, main h4, main h5, main h6");
    Iterator<String> slugs = Anchors.of(headings.stream().map(Element::text).toList()).iterator();
    for (Element h : headings) {
      String slug = slugs.next();
      Element before = h.previousElementSibling();
      if (before != null && before.tagName().equals("a") && before.hasAttr("id")) {
        before.attr("id", slug);
      } else {
        h.attr("id", slug);
      }
    }
  }

  /**
   * Links between docs name the source files ({@code other.md#anchor}, so they work on a forge);
   * the site has pages. Doxia rewrites them in Markdown pages, not in AsciiDoc ones.
   */
  private static void rewriteDocLinks(Document html) {
    for (Element a : html.select("a[href]")) {
      String href = a.attr("href");
      if (!href.contains("://") && href.matches("^[^#]*\\.(md|adoc)(#.*)?$")) {
        a.attr("href", href.replaceFirst("\\.(md|adoc)(#|$)", ".html$2"));
      }
    }
  }

  private static void removeComments(Document html) {
    List<Node> comments = new ArrayList<>();
    NodeTraversor.traverse(
        (NodeVisitor)
            (node, depth) -> {
              if (node instanceof Comment) {
                comments.add(node);
              }
            },
        html);
    comments.forEach(Node::remove);
  }

  private void badge(Document html, Path doc, List<String> problems) throws IOException {
    html.select(".verified-badge").remove(); // the site plugin may keep pages from a previous build
    Path report = reports.resolve(doc + ".json");
    Element h1 = html.selectFirst("main h1");
    if (h1 == null) {
      problems.add("docs/" + doc + ": the page has no title to put the badge under");
      return;
    }
    if (allowUnverified) {
      // A preview built without running the doc-tests: never show an old report as current.
      h1.after("<p class=\"verified-badge unverified\">Preview: not verified in this build</p>");
      return;
    }
    if (!Files.exists(report)) {
      problems.add(
          "docs/"
              + doc
              + ": no doc-test report in "
              + reports
              + " — run the doc-tests first (./mvnw verify)");
      return;
    }
    JsonNode r = json.readTree(report.toFile());
    if (!r.path("passed").asBoolean()) {
      if (allowUnverified) {
        h1.after(
            "<p class=\"verified-badge failed\">✗ Its doc-test failed in this build (preview)</p>");
      } else {
        problems.add(
            "docs/" + doc + ": its doc-test failed — the site publishes only verified pages");
      }
      return;
    }
    String date = r.path("verified_at").asText().substring(0, 10);
    String text =
        "✓ Verified against spec-kitty "
            + r.path("tool").path("version").asText()
            + " — "
            + r.path("steps_passed").asInt()
            + " steps — "
            + date;
    Element badge = new Element("p").addClass("verified-badge").text(text);
    badge.attr(
        "title",
        "Every command on this page was run by the build: "
            + r.path("coverage").path("blocks_run").asInt()
            + " of "
            + r.path("coverage").path("blocks_total").asInt()
            + " code blocks.");
    h1.after(badge);
  }
}
