package dev.doctest.report;

import dev.doctest.model.Location;
import dev.doctest.model.Source;
import dev.doctest.parse.AsciiDoc;
import dev.doctest.parse.MarkdownText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.asciidoctor.ast.StructuralNode;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

/**
 * Checks that every relative link in the docs points at a file that exists and, with a {@code
 * #fragment}, at an anchor that exists — by the same slug rules the site renders.
 */
public final class LinkChecker {
  private static final Parser MARKDOWN =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

  /** A link as written. */
  record Link(Location at, String target) {}

  private final Map<Path, Set<String>> anchors = new HashMap<>();
  private final AsciiDoc asciidoc;
  private Path root;

  /** A checker that reads AsciiDoc pages with {@code asciidoc} (the run's one Asciidoctor). */
  public LinkChecker(AsciiDoc asciidoc) {
    this.asciidoc = asciidoc;
  }

  /** Every problem in the docs under {@code root}: {@code file:line: broken link …}. */
  public List<String> check(Path root) {
    this.root = root;
    List<String> problems = new ArrayList<>();
    List<Path> docs;
    try (Stream<Path> files = Files.walk(root)) {
      docs =
          files
              .filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".adoc"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path doc : docs) {
      for (Link link : links(doc)) {
        check(doc, link).ifPresent(problems::add);
      }
    }
    return problems;
  }

  private java.util.Optional<String> check(Path doc, Link link) {
    String target = link.target();
    URI uri;
    try {
      uri = new URI(target.replace(" ", "%20"));
    } catch (URISyntaxException e) {
      return java.util.Optional.of(link.at() + ": malformed link " + target);
    }
    if (uri.getScheme() != null || target.startsWith("//")) {
      return java.util.Optional.empty(); // external: not ours to check offline
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    Path file = path.isEmpty() ? doc : doc.toAbsolutePath().getParent().resolve(path).normalize();
    if (!Files.exists(file) && file.toString().endsWith(".html")) {
      // Asciidoctor renders xref:other.adoc[] as other.html.
      String name = file.getFileName().toString();
      file = file.resolveSibling(name.substring(0, name.length() - 5) + ".adoc");
    }
    if (!Files.exists(file)) {
      return java.util.Optional.of(link.at() + ": broken link " + target + " (no such file)");
    }
    String fragment = uri.getFragment();
    if (fragment != null
        && !fragment.isEmpty()
        && isDoc(file)
        && !anchorsOf(file).contains(fragment)) {
      return java.util.Optional.of(
          link.at()
              + ": broken anchor "
              + target
              + " ("
              + file.getFileName()
              + " has no #"
              + fragment
              + ")");
    }
    return java.util.Optional.empty();
  }

  private static boolean isDoc(Path f) {
    return f.toString().endsWith(".md") || f.toString().endsWith(".adoc");
  }

  Set<String> anchorsOf(Path doc) {
    return anchors.computeIfAbsent(
        doc.toAbsolutePath().normalize(),
        d -> d.toString().endsWith(".md") ? markdownAnchors(d) : asciidocAnchors(d));
  }

  private Location at(Path doc, int line) {
    return Source.of(doc, root).at(line);
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> markdownAnchors(Path doc) {
    List<String> headings = new ArrayList<>();
    MARKDOWN
        .parse(read(doc))
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(Heading heading) {
                headings.add(MarkdownText.of(heading));
              }
            });
    return Anchors.of(headings);
  }

  private Set<String> asciidocAnchors(Path doc) {
    Set<String> ids = new java.util.HashSet<>();
    collectIds(asciidoc.load(read(doc), doc.getParent()).document(), ids);
    return ids;
  }

  private static void collectIds(StructuralNode node, Set<String> ids) {
    if (node.getId() != null) {
      ids.add(node.getId());
    }
    for (StructuralNode child : node.getBlocks()) {
      collectIds(child, ids);
    }
  }

  private List<Link> links(Path doc) {
    List<Link> links = new ArrayList<>();
    if (doc.toString().endsWith(".md")) {
      MARKDOWN
          .parse(read(doc))
          .accept(
              new AbstractVisitor() {
                @Override
                public void visit(org.commonmark.node.Link link) {
                  int line =
                      link.getSourceSpans().isEmpty()
                          ? 1
                          : link.getSourceSpans().get(0).getLineIndex() + 1;
                  links.add(new Link(at(doc, line), link.getDestination()));
                  visitChildren(link);
                }
              });
    } else {
      String source = read(doc);
      String html = asciidoc.html(source, doc.getParent());
      for (var a : Jsoup.parse(html).select("a[href]")) {
        String href = a.attr("href");
        links.add(new Link(at(doc, lineOf(source, href)), href));
      }
    }
    return links;
  }

  private static int lineOf(String source, String target) {
    String needle = target.contains("#") && target.startsWith("#") ? target.substring(1) : target;
    int at = source.indexOf(needle);
    if (at < 0) {
      String base = needle.replace(".html", ".adoc");
      at = source.indexOf(base);
    }
    return at < 0 ? 1 : Source.lineOf(source, at);
  }
}
