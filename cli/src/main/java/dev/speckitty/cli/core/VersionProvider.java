package dev.speckitty.cli.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version from the Maven build ({@code version.properties}), so it is never typed twice. */
public final class VersionProvider implements IVersionProvider {

  private static final class Holder {
    static final String VERSION = read();
  }

  /** The CLI version, e.g. {@code 2.1.0} (read once). */
  public static String version() {
    return Holder.VERSION;
  }

  private static String read() {
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/dev/speckitty/cli/version.properties")) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException | NullPointerException e) {
      throw new UncheckedIOException(new IOException("version.properties missing", e));
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"spec-kitty " + version()};
  }
}
