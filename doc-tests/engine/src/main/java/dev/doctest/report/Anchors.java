package dev.doctest.report;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Heading anchors by the rules GitHub uses for Markdown (and the site copies): lower case,
 * punctuation dropped, spaces to hyphens, repeats numbered {@code -1}, {@code -2}. So {@code Server
 * Configuration (2.x)} is {@code #server-configuration-2x}.
 */
public final class Anchors {
  private Anchors() {}

  public static String slug(String heading) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < heading.length(); ) {
      int cp = heading.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
        sb.appendCodePoint(Character.toLowerCase(cp));
      } else if (cp == ' ') {
        sb.append('-');
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** The anchors of a document's headings in order, with repeats numbered. */
  public static Set<String> of(List<String> headings) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String h : headings) {
      String base = slug(h);
      int n = seen.merge(base, 1, Integer::sum) - 1;
      anchors.add(n == 0 ? base : base + "-" + n);
    }
    return anchors;
  }
}
