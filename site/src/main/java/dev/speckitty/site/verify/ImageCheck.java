package dev.speckitty.site.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Readers take every picture on a verified page for verified, yet a build compares only the images
 * its browser steps take. A hand-made picture of a terminal, or an inline {@code data:} image,
 * would show what never ran under the "Verified" badge. So on a page published with the badge,
 * every image of the page's own content must be one a browser step of its report took in this build
 * ({@code screenshot=}, matched as the step's notes find it); any other is a problem at its {@code
 * file:line}.
 */
public final class ImageCheck {
  private ImageCheck() {}

  /**
   * @param report the page's verified report
   * @param document the page, relative to the docs folder
   * @param source the page's text
   */
  public static List<String> problems(
      Document html, Report report, String document, String source) {
    Set<String> taken =
        report.steps().stream()
            .flatMap(s -> s.browserCheck().flatMap(Report.Browser::image).stream())
            .flatMap(image -> Stream.of(image, "./" + image))
            .collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (Element img : html.select("main img")) { // the page's own, not the skin's
      String src = img.attr("src");
      if (taken.contains(src)) {
        continue;
      }
      String where = SourceLines.where(document, source, src);
      problems.add(
          where
              + ": the page shows the image "
              + (src.length() <= 60 ? src : src.substring(0, 57) + "…")
              + ", which no browser step of the page took in this build: under the “Verified”"
              + " badge readers would take it for verified. Take it with a browser step's"
              + " screenshot=, or show it on a page that is not run.");
    }
    return problems;
  }
}
