package dev.speckitty.site.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** "On this page" only where a page has three sections or more, linking their anchors. */
class TableOfContentsTest {
  static Document page(int sections) {
    StringBuilder html = new StringBuilder("<main><h1>T</h1>");
    for (int i = 1; i <= sections; i++) {
      html.append("<a id=\"s").append(i).append("\"></a><h2>Section ").append(i).append("</h2>");
      html.append("<h3 id=\"s").append(i).append("-more\">More</h3>");
    }
    return Jsoup.parse(html + "</main>");
  }

  @Test
  void twoSectionsNeedNoContents() {
    Document html = page(2);
    TableOfContents.add(html);
    assertThat(html.select("nav.page-toc")).isEmpty();
  }

  @Test
  void threeSectionsAreListedWithTheirSubsections() {
    Document html = page(3);
    TableOfContents.add(html);
    assertThat(html.select("nav.page-toc > ul > li > a").eachAttr("href"))
        .containsExactly("#s1", "#s2", "#s3");
    assertThat(html.select("nav.page-toc > ul > li > ul a").eachAttr("href"))
        .containsExactly("#s1-more", "#s2-more", "#s3-more");
    assertThat(html.selectFirst("main").child(0).hasClass("page-toc")).isTrue();
  }
}
