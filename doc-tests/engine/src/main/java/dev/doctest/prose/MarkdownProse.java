package dev.doctest.prose;

import dev.doctest.model.Source;
import dev.doctest.parse.Markdown;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The prose of a Markdown page: commonmark's {@link Code} nodes, with the line of each from its
 * source span. Paragraphs (also inside list items and quotes) are cut into sentences; a heading is
 * one sentence; a table is one sentence per row (also a paragraph of {@code |} lines that is not a
 * table, having no delimiter row).
 */
final class MarkdownProse {
  private static final Parser PARSER =
      Markdown.parser().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

  private MarkdownProse() {}

  static List<Sentence> read(Source source, String text) {
    List<Sentence> sentences = new ArrayList<>();
    PARSER
        .parse(text)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(Paragraph paragraph) {
                boolean table =
                    paragraph.getFirstChild() instanceof Text t && t.getLiteral().startsWith("|");
                for (Passage p : passages(source, paragraph, table)) {
                  sentences.addAll(table ? p.whole() : p.sentences());
                }
              }

              @Override
              public void visit(CustomNode node) {
                if (node instanceof TableRow row) {
                  List<Passage> passages = new ArrayList<>();
                  passages.add(new Passage(source, line(row, 1)));
                  for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    passages.get(passages.size() - 1).text(" | ");
                    inline(cell, passages, false);
                  }
                  passages.forEach(p -> sentences.addAll(p.whole()));
                } else {
                  visitChildren(node);
                }
              }

              @Override
              public void visit(Heading heading) {
                for (Passage p : passages(source, heading, false)) {
                  sentences.addAll(p.whole());
                }
              }
            });
    return sentences;
  }

  /** The node's inline content: one passage, or one per line when it is a table. */
  private static List<Passage> passages(Source source, Node block, boolean table) {
    List<Passage> passages = new ArrayList<>();
    passages.add(new Passage(source, line(block, 1)));
    inline(block, passages, table);
    return passages;
  }

  private static void inline(Node parent, List<Passage> passages, boolean table) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      Passage p = passages.get(passages.size() - 1);
      if (n instanceof Text t) {
        p.moveTo(line(n, -1));
        p.text(t.getLiteral());
      } else if (n instanceof Code code) {
        p.moveTo(line(n, -1));
        p.span(code.getLiteral());
      } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
        if (table) {
          passages.add(new Passage(p.source(), line(n, 1) + 1));
        } else {
          p.text("\n");
        }
      } else if (n instanceof HtmlInline) {
        p.text(" ");
      } else {
        inline(n, passages, table);
      }
    }
  }

  /** The 1-based line a node starts on, or {@code fallback} when it has no source span. */
  private static int line(Node node, int fallback) {
    return node.getSourceSpans().isEmpty()
        ? fallback
        : node.getSourceSpans().get(0).getLineIndex() + 1;
  }
}
