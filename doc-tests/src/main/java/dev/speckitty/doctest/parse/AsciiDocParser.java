package dev.speckitty.doctest.parse;

import dev.speckitty.doctest.model.Directives;
import dev.speckitty.doctest.model.DocTestException;
import dev.speckitty.doctest.model.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.ListItem;
import org.asciidoctor.ast.Section;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.log.LogHandler;
import org.asciidoctor.log.LogRecord;

/**
 * AsciiDoc with AsciidoctorJ and its source map. Annotations live in block attributes ({@code
 * [source,bash,doctest="exit=1"]}) and the document attribute {@code :doctest-document:} — both
 * invisible in rendered pages. One Asciidoctor instance per JVM: creating it costs seconds.
 */
final class AsciiDocParser {
  private static Asciidoctor asciidoctor;

  private static synchronized Asciidoctor asciidoctor() {
    if (asciidoctor == null) {
      asciidoctor = Asciidoctor.Factory.create();
    }
    return asciidoctor;
  }

  synchronized ParsedMarkup parse(Path file, String text) {
    Asciidoctor engine = asciidoctor();
    List<LogRecord> problems = new ArrayList<>();
    LogHandler handler = problems::add;
    engine.registerLogHandler(handler);
    Document document;
    try {
      document = engine.load(text, Options.builder().sourcemap(true).safe(SafeMode.SAFE).build());
    } finally {
      engine.unregisterLogHandler(handler);
    }
    for (LogRecord r : problems) {
      if (r.getMessage().contains("unterminated")) {
        int line = r.getCursor() == null ? 1 : r.getCursor().getLineNumber();
        throw new DocTestException(new Location(file, line), r.getMessage());
      }
    }
    String title = document.getDoctitle() == null ? "" : document.getDoctitle();
    Object docAttr = document.getAttribute("doctest-document");
    Directives docDirectives =
        docAttr == null
            ? Directives.NONE
            : Directives.parse(docAttr.toString(), new Location(file, 1), Directives.DOCUMENT_KEYS);
    Walker walker = new Walker(file, title);
    walker.walk(document.getBlocks());
    return new ParsedMarkup(title, docDirectives, walker.blocks);
  }

  private static final class Walker {
    final Path file;
    final List<RawBlock> blocks = new ArrayList<>();
    String heading;
    String textBefore = "";

    Walker(Path file, String title) {
      this.file = file;
      this.heading = title;
    }

    void walk(List<StructuralNode> nodes) {
      for (StructuralNode node : nodes) {
        visit(node);
      }
    }

    void visit(StructuralNode node) {
      String context = node.getContext();
      int line = node.getSourceLocation() == null ? 1 : node.getSourceLocation().getLineNumber();
      Location at = new Location(file, line);
      switch (context) {
        case "section" -> {
          heading = ((Section) node).getTitle();
          textBefore = "";
          walk(node.getBlocks());
        }
        case "paragraph" -> textBefore = ((Block) node).getSource().strip();
        case "listing", "literal" -> {
          Object lang = node.getAttribute("language");
          Object annotations = node.getAttribute("doctest");
          Directives directives =
              annotations == null
                  ? Directives.NONE
                  : Directives.parse(annotations.toString(), at, Directives.BLOCK_KEYS);
          blocks.add(
              new RawBlock(
                  at,
                  heading,
                  lang == null ? "" : lang.toString(),
                  ((Block) node).getSource(),
                  directives,
                  textBefore));
          textBefore = "";
        }
        case "ulist", "olist", "colist" -> {
          for (StructuralNode item : ((org.asciidoctor.ast.List) node).getItems()) {
            ListItem li = (ListItem) item;
            if (li.getSource() != null) {
              textBefore = li.getSource().strip();
            }
            walk(li.getBlocks());
          }
        }
        default -> walk(node.getBlocks());
      }
    }
  }
}
