package dev.doctest.parse;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * The plain text of a Markdown node (a heading, a paragraph), code spans included: one rule for the
 * parser's headings and the link checker's anchors, so they cannot disagree.
 */
public final class MarkdownText {
  private MarkdownText() {}

  public static String of(Node node) {
    StringBuilder sb = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            sb.append(text.getLiteral());
          }

          @Override
          public void visit(Code code) {
            sb.append(code.getLiteral());
          }
        });
    return sb.toString().strip();
  }
}
