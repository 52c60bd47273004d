package dev.doctest.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 fingerprints of what a verification rests on — a page's bytes, the config, the tool's
 * installation, the engine's code — so a report can be checked against the files a site renders: a
 * report whose fingerprints do not match is about something else.
 */
public final class Fingerprint {
  private Fingerprint() {}

  /** The SHA-256 of a text's UTF-8 bytes, in hex: a key for what the text describes. */
  public static String ofText(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The SHA-256 of a file's bytes, in hex. */
  public static String of(Path file) {
    MessageDigest digest = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The SHA-256 of a folder: of every regular file's path (relative, sorted) and content, so the
   * same files give the same fingerprint wherever the folder is.
   */
  public static String ofTree(Path dir) {
    MessageDigest digest = sha256();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path f : files) {
      digest.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(of(f).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The fingerprint of a file or a folder, whichever {@code path} is. */
  public static String ofPath(Path path) {
    return Files.isDirectory(path) ? ofTree(path) : of(path);
  }

  /** The fingerprint of the code {@code type} was loaded from (its jar, or its classes folder). */
  public static String ofCodeOf(Class<?> type) {
    try {
      return ofPath(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
