package dev.doctest.parse;

import dev.doctest.model.Annotations;
import dev.doctest.model.DocTestException;
import dev.doctest.model.Location;
import dev.doctest.model.Source;
import java.util.ArrayList;
import java.util.List;
import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.ListItem;
import org.asciidoctor.ast.Section;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.log.LogRecord;

/**
 * AsciiDoc with AsciidoctorJ and its source map. Annotations live in block attributes ({@code
 * [source,bash,doctest="exit=1"]}) and the document attribute {@code :doctest-document:} — both
 * invisible in rendered pages.
 */
final class AsciiDocParser {
  private final AsciiDoc asciidoc;

  AsciiDocParser(AsciiDoc asciidoc) {
    this.asciidoc = asciidoc;
  }

  ParsedMarkup parse(Source file, String text) {
    AsciiDoc.Loaded loaded = asciidoc.load(text);
    Document document = loaded.document();
    for (LogRecord r : loaded.problems()) {
      if (r.getMessage().contains("unterminated")) {
        int line = r.getCursor() == null ? 1 : r.getCursor().getLineNumber();
        throw new DocTestException(file.at(line), r.getMessage());
      }
    }
    String title = document.getDoctitle() == null ? "" : document.getDoctitle();
    Object docAttr = document.getAttribute("doctest-document");
    Annotations docAnnotations =
        docAttr == null
            ? Annotations.NONE
            : Annotations.parse(docAttr.toString(), file.at(1), Annotations.DOCUMENT_KEYS);
    Walker walker = new Walker(file, title);
    walker.walk(document.getBlocks());
    return new ParsedMarkup(title, docAnnotations, walker.blocks);
  }

  private static final class Walker {
    final Source file;
    final List<RawBlock> blocks = new ArrayList<>();
    String heading;
    String textBefore = "";

    Walker(Source file, String title) {
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
      Location at = file.at(line);
      switch (context) {
        case "section" -> {
          heading = ((Section) node).getTitle();
          textBefore = "";
          walk(node.getBlocks());
        }
        case "paragraph" -> textBefore = ((Block) node).getSource().strip();
        case "listing", "literal" -> {
          Object lang = node.getAttribute("language");
          Object attribute = node.getAttribute("doctest");
          Annotations annotations =
              attribute == null
                  ? Annotations.NONE
                  : Annotations.parse(attribute.toString(), at, Annotations.BLOCK_KEYS);
          blocks.add(
              new RawBlock(
                  at,
                  heading,
                  lang == null ? "" : lang.toString(),
                  ((Block) node).getSource(),
                  annotations,
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
