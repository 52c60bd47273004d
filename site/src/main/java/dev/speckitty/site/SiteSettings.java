package dev.speckitty.site;

import dev.speckitty.site.verify.CurrentFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a site build works on, from its {@code --name=value} arguments (see the site's pom).
 *
 * @param site the rendered site, finished in place
 * @param docs the docs folder it was rendered from
 * @param reports the doc-test reports folder
 * @param cli the CLI installation the doc-tests ran
 * @param engine the doc-test engine's jar or classes folder
 * @param verified whether badges must rest on reports (else a preview)
 * @param previewReason why this is a preview, for the log
 * @param editUrl where "Edit this page" links go: this + {@code docs/<page>}
 * @param sources the site module's folder (its sources are part of the build stamp)
 * @param stamp where the build stamp is written ({@code null}: nowhere)
 */
record SiteSettings(
    Path site,
    Path docs,
    Path reports,
    Path cli,
    Path engine,
    boolean verified,
    String previewReason,
    String editUrl,
    Path sources,
    Path stamp) {

  static SiteSettings parse(String[] args) {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --name=value, got: " + arg);
      }
      a.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    String mode = a.getOrDefault("mode", "verified");
    if (!mode.equals("verified") && !mode.equals("preview")) {
      throw new IllegalArgumentException("--mode is verified or preview, not " + mode);
    }
    String edit = a.getOrDefault("edit-url", "");
    return new SiteSettings(
        path(a, "site"),
        path(a, "docs"),
        path(a, "reports"),
        path(a, "cli"),
        a.containsKey("engine") ? path(a, "engine") : CurrentFiles.engineOnClassPath(),
        mode.equals("verified"),
        a.getOrDefault("preview-reason", "--mode=preview"),
        edit.isEmpty() || edit.endsWith("/") ? edit : edit + "/",
        a.containsKey("sources") ? path(a, "sources") : null,
        a.containsKey("stamp") ? path(a, "stamp") : null);
  }

  private static Path path(Map<String, String> a, String name) {
    String value = a.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name + "=…");
    }
    return Path.of(value).toAbsolutePath().normalize();
  }

  CurrentFiles currentFiles() {
    return new CurrentFiles(docs, cli, engine);
  }
}
