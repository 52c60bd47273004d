package dev.speckitty.site.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Asciidoctor renders an include it cannot resolve as the text "Unresolved directive in … -
 * include::…[]" and carries on: readers would see that instead of the included part, so it fails
 * the site build at the include's {@code file:line}.
 */
public final class IncludeCheck {
  private static final Pattern UNRESOLVED =
      Pattern.compile("Unresolved directive in .*? - (include::\\S*?\\[[^\\]]*\\])");

  private IncludeCheck() {}

  /**
   * @param document the page, relative to the docs folder
   * @param source the page's text
   */
  public static List<String> problems(Document html, String document, String source) {
    List<String> problems = new ArrayList<>();
    for (Element e : html.select("main *:containsOwn(Unresolved directive in)")) {
      Matcher m = UNRESOLVED.matcher(e.wholeOwnText());
      while (m.find()) {
        String directive = m.group(1);
        String where = SourceLines.where(document, source, directive);
        problems.add(
            where
                + ": unresolved include "
                + directive
                + " — readers would see “Unresolved directive” instead of the included text."
                + " Fix the path (relative to the page) or remove the include.");
      }
    }
    return problems;
  }
}
