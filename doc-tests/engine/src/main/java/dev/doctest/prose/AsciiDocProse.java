package dev.doctest.prose;

import dev.doctest.model.Source;
import dev.doctest.parse.AsciiDoc;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.Cell;
import org.asciidoctor.ast.DescriptionList;
import org.asciidoctor.ast.DescriptionListEntry;
import org.asciidoctor.ast.ListItem;
import org.asciidoctor.ast.Row;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.ast.Table;

/**
 * The prose of an AsciiDoc page, from the run's one Asciidoctor: each block's source text with the
 * line its source map gives — paragraphs, admonitions, list items, description lists, table cells
 * (a row is one sentence), section titles — and in it the inline literals ({@code `x`}, {@code
 * ``x``}, {@code `+x+`}). Listing, literal and passthrough blocks are code, not prose.
 */
final class AsciiDocProse {
  private static final Pattern SPAN =
      Pattern.compile(
          "(?<![\\\\\\w`])``(.+?)``(?!`)|(?<![\\\\\\w`])`([^`\\s](?:[^`]*?[^`\\s])?)`(?![\\w`])",
          Pattern.DOTALL);
  private static final Pattern PASSTHROUGH = Pattern.compile("^\\+(.+)\\+$", Pattern.DOTALL);
  private static final Set<String> CODE =
      Set.of("listing", "literal", "pass", "stem", "image", "audio", "video", "toc");

  private final Source source;
  private final List<String> lines;
  private final List<Sentence> sentences = new ArrayList<>();

  private AsciiDocProse(Source source, String text) {
    this.source = source;
    this.lines = text.lines().toList();
  }

  static List<Sentence> read(Source source, String text, AsciiDoc asciidoc) {
    AsciiDocProse prose = new AsciiDocProse(source, text);
    prose.walk(asciidoc.load(text, source.file().getParent()).document().getBlocks());
    return prose.sentences;
  }

  private void walk(List<StructuralNode> nodes) {
    for (StructuralNode node : nodes) {
      visit(node);
    }
  }

  private void visit(StructuralNode node) {
    String context = node.getContext();
    int line = line(node);
    if (CODE.contains(context)) {
      return;
    }
    switch (context) {
      case "section" -> {
        String title = line > 0 && line <= lines.size() ? lines.get(line - 1) : "";
        sentences.addAll(passage(title.replaceFirst("^=+\\s+", ""), line).whole());
        walk(node.getBlocks());
      }
      case "ulist", "olist", "colist" -> {
        for (StructuralNode item : ((org.asciidoctor.ast.List) node).getItems()) {
          item((ListItem) item);
        }
      }
      case "dlist" -> {
        for (DescriptionListEntry entry : ((DescriptionList) node).getItems()) {
          entry.getTerms().forEach(this::item);
          if (entry.getDescription() != null) {
            item(entry.getDescription());
          }
        }
      }
      case "table" -> table((Table) node);
      default -> {
        if (node instanceof Block block
            && node.getBlocks().isEmpty()
            && block.getSource() != null
            && !block.getSource().isBlank()) {
          sentences.addAll(passage(block.getSource(), line).sentences());
        }
        walk(node.getBlocks());
      }
    }
  }

  private void item(ListItem item) {
    if (item.getSource() != null && !item.getSource().isBlank()) {
      sentences.addAll(passage(item.getSource(), line(item)).sentences());
    }
    walk(item.getBlocks());
  }

  /** A table row is one sentence: its cells say what each other are about. */
  private void table(Table table) {
    List<Row> rows = new ArrayList<>(table.getHeader());
    rows.addAll(table.getBody());
    rows.addAll(table.getFooter());
    for (Row row : rows) {
      Passage passage = null;
      for (Cell cell : row.getCells()) {
        if ("asciidoc".equals(cell.getStyle()) && cell.getInnerDocument() != null) {
          walk(cell.getInnerDocument().getBlocks());
          continue;
        }
        String text = cell.getSource() == null ? "" : cell.getSource();
        if (passage == null) {
          passage = new Passage(source, Math.max(1, line(cell)));
        } else {
          passage.text(" | ");
        }
        passage.moveTo(line(cell));
        add(passage, text);
      }
      if (passage != null) {
        sentences.addAll(passage.whole());
      }
    }
  }

  private Passage passage(String raw, int line) {
    Passage passage = new Passage(source, Math.max(1, line));
    add(passage, raw);
    return passage;
  }

  /** Appends AsciiDoc source text, its inline literals as code spans. */
  private static void add(Passage passage, String raw) {
    Matcher m = SPAN.matcher(raw);
    int at = 0;
    while (m.find()) {
      passage.text(raw.substring(at, m.start()));
      String literal = m.group(1) != null ? m.group(1) : m.group(2);
      Matcher pass = PASSTHROUGH.matcher(literal);
      passage.span(pass.matches() ? pass.group(1) : literal);
      at = m.end();
    }
    passage.text(raw.substring(at));
  }

  private static int line(StructuralNode node) {
    return node.getSourceLocation() == null ? 0 : node.getSourceLocation().getLineNumber();
  }
}
