package dev.speckitty.site;

import dev.doctest.config.DocTestConfig;
import dev.speckitty.site.html.Badge;
import dev.speckitty.site.html.Cleanup;
import dev.speckitty.site.html.CodeBlocks;
import dev.speckitty.site.html.EditLink;
import dev.speckitty.site.html.EvidencePage;
import dev.speckitty.site.html.HeadingAnchors;
import dev.speckitty.site.html.Images;
import dev.speckitty.site.html.Notes;
import dev.speckitty.site.html.Search;
import dev.speckitty.site.html.TableOfContents;
import dev.speckitty.site.verify.BlockMap;
import dev.speckitty.site.verify.CurrentFiles;
import dev.speckitty.site.verify.ImageCheck;
import dev.speckitty.site.verify.IncludeCheck;
import dev.speckitty.site.verify.Report;
import dev.speckitty.site.verify.ReportCheck;
import dev.speckitty.site.verify.StyleCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Finishes the site Doxia rendered, and refuses to publish a badge that could lie: in a verified
 * build every executable page needs a passing report whose fingerprints are those of the files
 * rendered now, every code block a reader sees must be one its report ran, and every image one its
 * browser steps took; any report in the folder that vouches for nothing here fails the build too.
 * Then each page gets its badge, notes, copy buttons, table of contents, edit link and search
 * entry, and each verified page its evidence page.
 */
public final class SitePostProcessor {
  private final SiteSettings settings;
  private final DocTestConfig config;
  private final CurrentFiles current;

  SitePostProcessor(SiteSettings settings) {
    this.settings = settings;
    this.config = DocTestConfig.load(settings.docs());
    this.current = settings.currentFiles();
  }

  /** Arguments: {@code --site= --docs= --reports= --cli= --mode=verified|preview …}. */
  public static void main(String[] args) {
    SiteSettings settings = SiteSettings.parse(args);
    if (!settings.verified()) {
      System.out.println(
          "[site] A preview, because "
              + settings.previewReason()
              + ": no doc-test report is trusted; every executable page says"
              + " “Preview: not verified in this build”.");
    }
    List<String> problems = new SitePostProcessor(settings).run();
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "The site shows only what the doc-tests verified, and "
              + problems.size()
              + " thing(s) are not:\n  "
              + String.join("\n  ", problems));
    }
    if (settings.stamp() != null) {
      BuildStamp.of(settings).write(settings.stamp());
    }
    System.out.println(
        "[site] "
            + (settings.verified() ? "Verified site" : "Preview site")
            + " in "
            + settings.site());
  }

  /** Finishes every page; returns the problems that must fail the build (none in a preview). */
  List<String> run() {
    List<String> problems = new ArrayList<>();
    Map<String, Report> verified = Map.of();
    if (settings.verified()) {
      ReportCheck.Result check = new ReportCheck(config, settings.reports(), current).run();
      problems.addAll(check.problems());
      verified = check.verified();
    }
    Search search = new Search();
    try (Stream<Path> files = Files.walk(settings.site())) {
      for (Path page : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
        String url = settings.site().relativize(page).toString();
        if (url.endsWith("-evidence.html")) {
          continue; // from an earlier run of this step over the same site
        }
        Document html = Jsoup.parse(page.toFile(), "UTF-8");
        Optional<String> document = sourceOf(url);
        Cleanup.removeComments(html);
        Cleanup.rewriteDocLinks(html);
        Search.addBox(html);
        if (document.isPresent()) {
          problems.addAll(finishDoc(html, page, document.get(), verified));
        } else {
          Cleanup.removeMarks(html);
          CodeBlocks.prepare(html, List.of());
          TableOfContents.add(html);
        }
        write(html, page);
        search.add(html, url);
      }
      search.write(settings.site());
      Files.createDirectories(settings.site().resolve("reference"));
      Files.copy(
          settings.docs().resolve("reference/server-api.openapi.yaml"),
          settings.site().resolve("reference/server-api.openapi.yaml"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return problems;
  }

  private List<String> finishDoc(
      Document html, Path page, String document, Map<String, Report> verified) throws IOException {
    List<String> problems = new ArrayList<>();
    String source = Files.readString(settings.docs().resolve(document));
    HeadingAnchors.fix(html);
    problems.addAll(IncludeCheck.problems(html, document, source));
    boolean executable = config.isExecutable(settings.docs().resolve(document));
    if (executable) {
      problems.addAll(StyleCheck.problems(html, document, source));
    }
    Report report = verified.get(document);
    List<BlockMap.Shown> shown = List.of();
    if (report != null) {
      BlockMap.Result map = BlockMap.of(html, report, document, source);
      problems.addAll(map.problems());
      shown = map.shown();
    }
    CodeBlocks.prepare(html, shown);
    if (executable && html.selectFirst("main h1") == null) {
      problems.add("docs/" + document + ": the page has no title to put its badge under");
    } else if (report != null) {
      String evidence = EvidencePage.fileName(page.getFileName().toString());
      Badge.verified(html, report, evidence);
      problems.addAll(ImageCheck.problems(html, report, document, source));
      Notes.add(html, report, shown);
      problems.addAll(Notes.addBrowserNotes(html, report, document));
      write(EvidencePage.of(html, report, document), page.resolveSibling(evidence));
    } else if (executable) {
      Badge.preview(html);
    }
    problems.addAll(
        Images.publish(
            html,
            page,
            settings.docs(),
            document,
            Optional.ofNullable(report),
            settings.reports()));
    Cleanup.removeMarks(html);
    TableOfContents.add(html);
    EditLink.add(html, settings.editUrl(), document);
    return problems;
  }

  /** The docs page a rendered page comes from, relative to the docs folder. */
  private Optional<String> sourceOf(String url) {
    String base = url.substring(0, url.length() - ".html".length());
    return Stream.of(".md", ".adoc")
        .map(ext -> base + ext)
        .filter(doc -> Files.isRegularFile(settings.docs().resolve(doc)))
        .findFirst();
  }

  private static void write(Document html, Path file) throws IOException {
    html.outputSettings().prettyPrint(false);
    Files.writeString(file, html.outerHtml(), StandardCharsets.UTF_8);
  }
}
