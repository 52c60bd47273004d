package dev.speckitty.site.html;

import dev.speckitty.site.verify.BlockMap;
import dev.speckitty.site.verify.Report;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Every code block gets a copy button, and highlighting by its real language. The report's block
 * roles say which blocks are commands: their button copies the commands only, exactly as the
 * doc-tests ran them, never the output shown next to them. Blocks the report ran are anchored by
 * their source line ({@code #L87}) so the evidence page can point at them.
 */
public final class CodeBlocks {
  private CodeBlocks() {}

  /**
   * @param shown the page's blocks paired with its report's (empty without a report)
   */
  public static void prepare(Document html, List<BlockMap.Shown> shown) {
    Map<Element, Report.Block> blocks = new HashMap<>();
    shown.forEach(s -> blocks.put(s.pre(), s.block()));
    int n = 0;
    for (Element pre : html.select("main pre")) {
      n++;
      // The skin marks blocks for prettify, which reads "//" in URLs as comments: highlight.js
      // highlights them instead, by the language the page declares.
      pre.removeClass("prettyprint").removeClass("linenums");
      if (pre.classNames().isEmpty()) {
        pre.removeAttr("class");
      }
      Report.Block block = blocks.get(pre);
      if (pre.id().isEmpty()) {
        pre.id(block != null ? "L" + block.line() : "code-" + n);
      }
      Element code = pre.selectFirst("> code");
      if (code != null && code.classNames().stream().noneMatch(c -> c.startsWith("language-"))) {
        code.addClass(block != null && block.isCommand() ? "language-bash" : "nohighlight");
      }
      Element wrapper = pre.wrap("<div class=\"code-block\"></div>").parent();
      Element button =
          wrapper
              .appendElement("button")
              .attr("type", "button")
              .addClass("copy-button")
              .attr("title", "Copy to clipboard")
              .attr("aria-label", "Copy to clipboard")
              .text("Copy");
      if (block != null) {
        wrapper.attr("data-role", block.role());
      }
      if (block != null && block.isCommand()) {
        button.attr("data-clipboard-text", block.text());
      } else {
        button.attr("data-clipboard-target", "#" + pre.id());
      }
    }
  }
}
