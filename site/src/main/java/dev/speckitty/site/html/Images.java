package dev.speckitty.site.html;

import dev.speckitty.site.verify.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The images a docs page shows, published beside it. Doxia copies no files from {@code docs/}, and
 * a screenshot is only as true as the build that took it: where a browser step of the page's report
 * took the image, readers get the one this build took (within 1% of the page's copy, or the step
 * failed); any other image comes from {@code docs/}. An image that is in neither is a broken page,
 * and the build refuses it.
 */
public final class Images {
  private Images() {}

  /**
   * Copies every image {@code html} shows next to {@code page}; returns what cannot be shown.
   *
   * @param document the page, relative to {@code docs}
   * @param report the page's verified report, if the build verified it
   * @param reports the reports folder the report's images are in
   */
  public static List<String> publish(
      Document html, Path page, Path docs, String document, Optional<Report> report, Path reports) {
    Map<String, Path> taken = new HashMap<>();
    report.ifPresent(
        r ->
            r.steps().stream()
                .flatMap(s -> s.browserCheck().stream())
                .filter(b -> b.screenshot() != null && b.freshImage() != null)
                .forEach(b -> taken.put(normal(b.screenshot()), reports.resolve(b.freshImage()))));
    Path docFolder = docs.resolve(document).getParent();
    List<String> problems = new ArrayList<>();
    for (Element img : html.select("main img[src]")) { // the page's own, not the skin's
      String src = img.attr("src");
      if (!isLocal(src)) {
        continue;
      }
      String relative = normal(src);
      Path from = taken.getOrDefault(relative, docFolder.resolve(relative).normalize());
      if (!from.startsWith(docs) && !taken.containsKey(relative)) {
        problems.add("docs/" + document + ": the image " + src + " is outside docs/");
        continue;
      }
      if (!Files.isRegularFile(from)) {
        problems.add(
            "docs/"
                + document
                + ": shows the image "
                + src
                + (taken.containsKey(relative)
                    ? ", which its browser step should have taken, but the reports have no " + from
                    : ", which is not in docs/"));
        continue;
      }
      Path to = page.resolveSibling(relative).normalize();
      try {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return problems;
  }

  /** An image of the site itself: no scheme, no host, not an absolute path or inline data. */
  private static boolean isLocal(String src) {
    try {
      URI uri = URI.create(src);
      return uri.getScheme() == null && uri.getHost() == null && !src.startsWith("/");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String normal(String path) {
    return Path.of(path).normalize().toString();
  }
}
