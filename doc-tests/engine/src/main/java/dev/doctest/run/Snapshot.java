package dev.doctest.run;

import dev.doctest.world.Network;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A page's state at one moment, to go back to or to start another page from: its workspace files
 * and shell state (in {@code dir}) and what its world remembered.
 *
 * @param dir a folder holding the workspace's copy; deleted by {@link #close()}
 * @param world the world instance's saved state
 * @param network where the world instance listened
 * @param variables the values the page's steps saw ({@code ${name}}), which its files may hold
 */
public record Snapshot(Path dir, byte[] world, Network network, Map<String, String> variables)
    implements AutoCloseable {
  /**
   * Those of {@code texts} that some file of the snapshot contains (as UTF-8 bytes); each file is
   * read once, however many texts are asked about.
   */
  public Set<String> mentioned(Collection<String> texts) {
    Set<String> found = new HashSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] content = Files.readAllBytes(f);
        for (String text : texts) {
          if (!found.contains(text)
              && indexOf(content, text.getBytes(StandardCharsets.UTF_8)) >= 0) {
            found.add(text);
          }
        }
        if (found.size() == texts.size()) {
          break;
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    FileTrees.delete(dir);
  }
}
