package dev.speckitty.site;

import dev.doctest.config.DocTestConfig;
import dev.doctest.report.Fingerprint;
import dev.speckitty.site.verify.CurrentFiles;
import dev.speckitty.site.verify.ReportCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether {@code ./serve} can serve the site already built (by {@code ./mvnw verify}, say) instead
 * of building everything again: only if it is a verified build, nothing it was built from changed
 * since, and every report still vouches for its page (the site build's own check). Exit code 0:
 * serve it; 1: build first (the reasons are printed).
 */
public final class ServeCheck {
  private ServeCheck() {}

  /** Argument: the build stamp ({@code site/target/site-build.json}). */
  public static void main(String[] args) {
    List<String> reasons = reasons(Path.of(args[0]));
    if (reasons.isEmpty()) {
      System.exit(0);
    }
    reasons.forEach(r -> System.out.println("  " + r));
    System.exit(1);
  }

  static List<String> reasons(Path stampFile) {
    List<String> reasons = new ArrayList<>();
    if (!Files.isRegularFile(stampFile)) {
      reasons.add("no finished site build (" + stampFile + ")");
      return reasons;
    }
    BuildStamp stamp = BuildStamp.read(stampFile);
    if (!stamp.verified()) {
      reasons.add("the site there is a preview, not a verified build");
      return reasons;
    }
    if (!Files.isRegularFile(Path.of(stamp.site(), "index.html"))) {
      reasons.add("the site folder " + stamp.site() + " is gone");
      return reasons;
    }
    Path docs = Path.of(stamp.docs());
    if (!Fingerprint.ofTree(docs).equals(stamp.docsSha256())) {
      reasons.add("docs/ changed since the site was built");
    }
    if (!stamp.sources().isEmpty()
        && !BuildStamp.sourcesFingerprint(Path.of(stamp.sources())).equals(stamp.sourcesSha256())) {
      reasons.add("the site's sources changed since it was built");
    }
    CurrentFiles current = new CurrentFiles(docs, Path.of(stamp.cli()), Path.of(stamp.engine()));
    reasons.addAll(
        new ReportCheck(DocTestConfig.load(docs), Path.of(stamp.reports()), current)
            .run()
            .problems());
    return reasons;
  }
}
