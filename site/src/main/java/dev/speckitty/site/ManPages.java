package dev.speckitty.site;

import dev.speckitty.cli.Main;
import dev.speckitty.cli.core.CliContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes an AsciiDoc man page for every command, from the same picocli model the CLI runs on, so
 * the published reference cannot drift from the code; plus an index page linking them. The pages
 * are written among the site's generated sources, so they are rendered inside the site's layout,
 * with its navigation.
 */
public final class ManPages {
  private ManPages() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    try (Stream<Path> old = Files.list(out)) {
      for (Path page : old.filter(p -> p.toString().endsWith(".adoc")).toList()) {
        Files.delete(page); // a command since removed keeps no page
      }
    }
    CommandLine cli = Main.commandLine(CliContext.detached());
    int status =
        ManPageGenerator.generateManPage(
            out.toFile(), null, new boolean[0], true, cli.getCommandSpec());
    if (status != 0) {
      throw new IllegalStateException("man page generation failed: " + status);
    }
    try (Stream<Path> pages = Files.list(out)) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).toList()) {
        Files.writeString(page, asArticle(Files.readString(page)));
      }
    }
    List<String> names = new ArrayList<>();
    collect(cli, names);
    StringBuilder index = new StringBuilder();
    index.append("= spec-kitty man pages\n:nofooter:\n\n");
    index.append("Generated from the CLI itself at build time, one page per command.\n\n");
    for (String name : names) {
      String file = name.replace(' ', '-');
      index.append("* link:").append(file).append(".html[").append(name).append("]\n");
    }
    Files.writeString(out.resolve("index.adoc"), index.toString());
  }

  /**
   * The manpage doctype turns the "Name" section into the page's header, which the site's AsciiDoc
   * renderer drops: as an article, every section of the page is shown.
   */
  static String asArticle(String manPage) {
    return manPage.replace(":doctype: manpage\n", "");
  }

  private static void collect(CommandLine cl, List<String> names) {
    names.add(cl.getCommandSpec().qualifiedName());
    cl.getSubcommands().values().forEach(sub -> collect(sub, names));
  }
}
