package dev.doctest.parse;

import dev.doctest.model.Annotations;
import dev.doctest.model.DocTestException;
import dev.doctest.model.Location;
import dev.doctest.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Markdown with commonmark-java and source spans. Annotations: {@code <!-- doctest: … -->} right
 * before a block, {@code ```bash {…}} in the info string, {@code <!-- doctest-document: … -->} for
 * the document. HTML comments and info-string attributes are invisible on a forge and in the site.
 */
final class MarkdownParser {
  private static final Pattern BLOCK_COMMENT =
      Pattern.compile("(?s)^\\s*<!--\\s*doctest:(.*?)-->\\s*$");
  private static final Pattern BROWSER_COMMENT = Markdown.BROWSER_STEP;
  private static final Pattern DOC_COMMENT =
      Pattern.compile("(?s)^\\s*<!--\\s*doctest-document:(.*?)-->\\s*$");
  private static final Pattern INFO_ATTRIBUTES = Pattern.compile("^(\\S*)\\s*\\{(.*)}\\s*$");
  private static final Pattern RAW_CODE = Pattern.compile("(?i)<(pre|code|samp)[\\s>]");

  /** An HTML block of comments only: annotations, or notes to writers. */
  private static final Pattern COMMENTS_ONLY = Pattern.compile("(?s)\\s*(?:<!--.*?-->\\s*)+");

  /** Inline tags that change only how words look, without attributes. */
  private static final Pattern PLAIN_INLINE_TAG =
      Pattern.compile("(?i)</?(?:kbd|br|sup|sub|em|strong|b|i|code)\\s*/?>");

  private static final Parser PARSER =
      Markdown.parser().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

  ParsedMarkup parse(Source file, String text) {
    Node document = PARSER.parse(text);
    Collector collector = new Collector(file);
    document.accept(collector);
    if (collector.pending != null) {
      throw new DocTestException(collector.pendingAt, "annotation is not followed by a code block");
    }
    return new ParsedMarkup(
        collector.title, collector.documentAnnotations, collector.blocks, collector.unrun);
  }

  private static final String COMMENT_DASHES =
      "an HTML comment holding '--': the site is built from XHTML, which refuses it (and readers"
          + " disagree on where such a comment ends); write it without '--'";

  /** Whether {@code html} holds a comment with {@code --} inside it. */
  private static boolean commentWithDashes(String html) {
    int open = html.indexOf("<!--");
    while (open >= 0) {
      int close = html.indexOf("-->", open + 4);
      String body = close < 0 ? html.substring(open + 4) : html.substring(open + 4, close);
      if (body.contains("--")) {
        return true;
      }
      open = close < 0 ? -1 : html.indexOf("<!--", close + 3);
    }
    return false;
  }

  private static int line(Node node) {
    return node.getSourceSpans().isEmpty() ? 1 : node.getSourceSpans().get(0).getLineIndex() + 1;
  }

  private static final class Collector extends AbstractVisitor {
    final Source file;
    final List<RawBlock> blocks = new ArrayList<>();
    final List<ParsedMarkup.Unrun> unrun = new ArrayList<>();
    String title = "";
    String heading = "";
    String textBefore = "";
    Annotations documentAnnotations = Annotations.NONE;
    Annotations pending;
    Location pendingAt;

    Collector(Source file) {
      this.file = file;
    }

    @Override
    public void visit(Heading heading) {
      if (pending != null) {
        throw new DocTestException(pendingAt, "annotation is not followed by a code block");
      }
      visitChildren(heading);
      this.heading = MarkdownText.of(heading);
      if (title.isEmpty() && heading.getLevel() == 1) {
        title = this.heading;
      }
      textBefore = "";
    }

    @Override
    public void visit(Paragraph paragraph) {
      textBefore = MarkdownText.of(paragraph);
      visitChildren(paragraph);
    }

    /**
     * Raw HTML inside a paragraph: a comment or a plain inline tag is fine; any other (a {@code
     * <div style="display:none">} left open swallows the blocks after it on the site) is refused.
     */
    @Override
    public void visit(HtmlInline html) {
      String tag = html.getLiteral();
      if (commentWithDashes(tag)) {
        unrun.add(new ParsedMarkup.Unrun(file.at(line(html)), COMMENT_DASHES));
      } else if (!tag.startsWith("<!--") && !PLAIN_INLINE_TAG.matcher(tag).matches()) {
        unrun.add(
            new ParsedMarkup.Unrun(
                file.at(line(html)),
                "raw HTML ("
                    + tag
                    + ") in the text: the site lays it out as it says (it can hide the steps after"
                    + " it) but the checker does not read it: write Markdown"));
      }
    }

    @Override
    public void visit(HtmlBlock html) {
      Location at = file.at(line(html));
      // An annotation with '--' inside could close its comment early: what follows would reach
      // readers as raw HTML, unchecked.
      for (Pattern annotation : List.of(BROWSER_COMMENT, DOC_COMMENT, BLOCK_COMMENT)) {
        Matcher m = annotation.matcher(html.getLiteral());
        if (m.matches() && m.group(1).contains("--")) {
          throw new DocTestException(
              at,
              "an HTML comment cannot contain '--' (the site's parser rejects it):"
                  + " use a short option, or put the annotation in the info string");
        }
      }
      Matcher browser = BROWSER_COMMENT.matcher(html.getLiteral());
      if (browser.matches()) {
        blocks.add(
            new RawBlock(
                at,
                at.line(),
                heading,
                RawBlock.BROWSER,
                "",
                Annotations.parse(browser.group(1), at, Annotations.BROWSER_KEYS),
                ""));
        return;
      }
      Matcher doc = DOC_COMMENT.matcher(html.getLiteral());
      if (doc.matches()) {
        documentAnnotations =
            documentAnnotations.with(
                Annotations.parse(doc.group(1), at, Annotations.DOCUMENT_KEYS));
        return;
      }
      if (!BLOCK_COMMENT.matcher(html.getLiteral()).matches()
          && commentWithDashes(html.getLiteral())) {
        unrun.add(new ParsedMarkup.Unrun(at, COMMENT_DASHES));
        return;
      }
      if (html.getLiteral().contains("<!--")
          && !COMMENTS_ONLY.matcher(html.getLiteral()).matches()
          && !RAW_CODE.matcher(html.getLiteral()).find()) {
        unrun.add(
            new ParsedMarkup.Unrun(
                at,
                html.getLiteral().contains("-->")
                    ? "raw HTML with a comment: the site and the checker may disagree on what it"
                        + " hides; put the comment in a block of its own"
                    : "an HTML comment not closed where it opens: the site hides everything up to"
                        + " its end, steps included, but the checker reads them; close it on its"
                        + " own lines (<!-- … -->)"));
      } else if (!html.getLiteral().contains("<!--")
          && !RAW_CODE.matcher(html.getLiteral()).find()) {
        unrun.add(
            new ParsedMarkup.Unrun(
                at,
                "raw HTML ("
                    + html.getLiteral().strip().lines().findFirst().orElse("")
                    + ") is laid out by the site as it says (it can hide a step or look like"
                    + " output) but the checker does not read it: write Markdown"));
      }
      if (RAW_CODE.matcher(html.getLiteral()).find()) {
        unrun.add(
            new ParsedMarkup.Unrun(
                at,
                "code in raw HTML (<pre>, <code>) is shown to readers but never run: write it as a"
                    + " fenced block (``` … ```)"));
      }
      Matcher block = BLOCK_COMMENT.matcher(html.getLiteral());
      if (block.matches()) {
        pending = Annotations.parse(block.group(1), at, Annotations.BLOCK_KEYS);
        pendingAt = at;
      }
    }

    @Override
    public void visit(FencedCodeBlock code) {
      Location at = file.at(line(code));
      if (code.getClosingFenceLength() == null) {
        throw new DocTestException(
            at, "unterminated code fence (no closing " + code.getFenceCharacter().repeat(3) + ")");
      }
      String info = code.getInfo() == null ? "" : code.getInfo().strip();
      Annotations annotations = Annotations.NONE;
      Matcher attributes = INFO_ATTRIBUTES.matcher(info);
      if (attributes.matches()) {
        info = attributes.group(1);
        annotations = Annotations.parse(attributes.group(2), at, Annotations.BLOCK_KEYS);
      }
      String language = info.split("\\s+")[0];
      add(at, at.line() + 1, language, code.getLiteral(), annotations);
    }

    @Override
    public void visit(IndentedCodeBlock code) {
      add(file.at(line(code)), line(code), "", code.getLiteral(), Annotations.NONE);
    }

    private void add(
        Location at, int contentLine, String language, String literal, Annotations own) {
      Annotations annotations = pending == null ? own : pending.with(own);
      pending = null;
      String content =
          literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
      blocks.add(
          new RawBlock(at, contentLine, heading, language, content, annotations, textBefore));
      textBefore = "";
    }
  }
}
