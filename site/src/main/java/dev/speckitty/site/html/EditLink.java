package dev.speckitty.site.html;

import org.jsoup.nodes.Document;

/** "Edit this page": a link to the page's source file in the repository, for a quick fix. */
public final class EditLink {
  private EditLink() {}

  /**
   * @param editUrl the repository's edit URL, ending in "/" ({@code …/edit/main/})
   * @param document the page's source, relative to the docs folder
   */
  public static void add(Document html, String editUrl, String document) {
    html.select("main .edit-page").remove();
    html.selectFirst("main")
        .appendElement("p")
        .addClass("edit-page")
        .appendElement("a")
        .attr("href", editUrl + "docs/" + document)
        .text("Edit this page");
  }
}
