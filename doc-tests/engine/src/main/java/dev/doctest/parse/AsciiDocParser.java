package dev.doctest.parse;

import dev.doctest.model.Annotations;
import dev.doctest.model.DocTestException;
import dev.doctest.model.Location;
import dev.doctest.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.Cell;
import org.asciidoctor.ast.DescriptionList;
import org.asciidoctor.ast.DescriptionListEntry;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.ListItem;
import org.asciidoctor.ast.Row;
import org.asciidoctor.ast.Section;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.ast.Table;
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
    AsciiDoc.Loaded loaded = asciidoc.load(text, file.file().getParent());
    Document document = loaded.document();
    List<ParsedMarkup.Unrun> unrun = new ArrayList<>();
    for (LogRecord r : loaded.problems()) {
      int line = r.getCursor() == null ? 1 : r.getCursor().getLineNumber();
      if (r.getMessage().contains("unterminated")) {
        throw new DocTestException(file.at(line), r.getMessage());
      }
      if (r.getMessage().contains("include")) {
        unrun.add(
            new ParsedMarkup.Unrun(
                file.at(line),
                r.getMessage()
                    + ": the site would show \"Unresolved directive\"; fix the include's path"));
      }
    }
    Matcher passthrough = INLINE_HTML.matcher(text);
    while (passthrough.find()) {
      if (passthrough.group().contains("<")) {
        String shown = passthrough.group().replaceAll("\\s+", " ");
        unrun.add(
            new ParsedMarkup.Unrun(
                file.at(Source.lineOf(text, passthrough.start())),
                "raw HTML in an inline passthrough ("
                    + (shown.length() <= 60 ? shown : shown.substring(0, 57) + "…")
                    + "): the site writes it into the page as it is (it can hide steps, restyle or"
                    + " replace what a block shows) but the checker does not read it: write"
                    + " AsciiDoc"));
      }
    }
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (CONDITIONAL.matcher(lines.get(i)).find()) {
        unrun.add(
            new ParsedMarkup.Unrun(
                file.at(i + 1),
                "conditional content ("
                    + lines.get(i).strip()
                    + ") may show readers blocks that this run does not see: write the page"
                    + " without it"));
      }
    }
    String title = document.getDoctitle() == null ? "" : document.getDoctitle();
    Object docAttr = document.getAttribute("doctest-document");
    Annotations docAnnotations =
        docAttr == null
            ? Annotations.NONE
            : Annotations.parse(docAttr.toString(), file.at(1), Annotations.DOCUMENT_KEYS);
    Walker walker = new Walker(file, title, unrun, lines);
    walker.walk(document.getBlocks());
    return new ParsedMarkup(title, docAnnotations, walker.blocks, unrun);
  }

  /**
   * An inline passthrough, over as many lines as it spans: {@code +++…+++} or {@code pass:[…]}
   * (with escaped brackets inside), the forms Asciidoctor writes out as they are.
   */
  private static final Pattern INLINE_HTML =
      Pattern.compile("(?s)\\+\\+\\+.*?\\+\\+\\+|pass:[a-z,]*\\[(?:\\\\.|[^\\]])*]");

  private static final Pattern CONDITIONAL = Pattern.compile("^\\s*(ifdef|ifndef|ifeval)::");

  private static final class Walker {
    final Source file;
    final List<RawBlock> blocks = new ArrayList<>();
    final List<ParsedMarkup.Unrun> unrun;
    final List<String> lines;
    String heading;
    String textBefore = "";

    Walker(Source file, String title, List<ParsedMarkup.Unrun> unrun, List<String> lines) {
      this.file = file;
      this.heading = title;
      this.unrun = unrun;
      this.lines = lines;
    }

    /** Whether page line {@code line} (1-based) opens a delimited block ({@code ----}, …). */
    boolean isDelimiter(int line) {
      String l = line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : "";
      return l.length() >= 4
              && l.chars().allMatch(c -> c == l.charAt(0))
              && "-.".indexOf(l.charAt(0)) >= 0
          || l.startsWith("```");
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
      Object browser = node.getAttribute("doctest-browser");
      if (browser != null) {
        blocks.add(
            new RawBlock(
                at,
                line,
                heading,
                RawBlock.BROWSER,
                "",
                Annotations.parse(browser.toString(), at, Annotations.BROWSER_KEYS),
                ""));
      }
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
                  isDelimiter(line) ? line + 1 : line,
                  heading,
                  lang == null ? "" : lang.toString(),
                  ((Block) node).getSource(),
                  annotations,
                  textBefore));
          textBefore = "";
        }
        case "pass" -> {
          if (((Block) node).getSource().contains("<")) {
            unrun.add(
                new ParsedMarkup.Unrun(
                    at,
                    "raw HTML in a passthrough block: readers may see code or text that never ran,"
                        + " or miss what did: write it as AsciiDoc (code as a listing block,"
                        + " [source,bash] ----)"));
          }
        }
        case "table" -> table((Table) node, at);
        case "dlist" -> {
          for (DescriptionListEntry entry : ((DescriptionList) node).getItems()) {
            if (entry.getDescription() != null) {
              walk(entry.getDescription().getBlocks());
            }
          }
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

    /** Blocks in a table's AsciiDoc cells are steps like any other; literal cells cannot be. */
    void table(Table table, Location at) {
      List<Row> rows = new ArrayList<>(table.getHeader());
      rows.addAll(table.getBody());
      rows.addAll(table.getFooter());
      for (Row row : rows) {
        for (Cell cell : row.getCells()) {
          String style = cell.getStyle() == null ? "" : cell.getStyle();
          if (style.equals("asciidoc") && cell.getInnerDocument() != null) {
            walk(cell.getInnerDocument().getBlocks());
          } else if (style.equals("literal")
              || style.equals("monospaced") && cell.getText().contains("\n")) {
            unrun.add(
                new ParsedMarkup.Unrun(
                    at,
                    "a literal table cell shows readers code that is never run: put the code in"
                        + " a listing block (an a| cell, or below the table)"));
          }
        }
      }
    }
  }
}
