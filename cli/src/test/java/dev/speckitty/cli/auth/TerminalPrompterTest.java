package dev.speckitty.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.cli.core.CliContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.jline.utils.InfoCmp;
import org.junit.jupiter.api.Test;

class TerminalPrompterTest {
  private static CliContext withTerm(String term) {
    Map<String, String> env = term == null ? Map.of() : Map.of("TERM", term);
    return new CliContext(
        env,
        Path.of("/nonexistent"),
        Path.of("/nonexistent"),
        InputStream.nullInputStream(),
        true,
        Clock.systemUTC());
  }

  @Test
  void aTerminalThatCallsItselfDumbGetsTheConsoleWhichHidesThePassword() {
    assertThat(Prompter.dumbTerminal(withTerm("dumb"))).isTrue();
    assertThat(Prompter.dumbTerminal(withTerm("dumb-color"))).isTrue();
    assertThat(Prompter.dumbTerminal(withTerm("xterm-256color"))).isFalse();
    assertThat(Prompter.dumbTerminal(withTerm(null))).isFalse();
  }

  @Test
  void aCommonTerminalTypeUsesJLinesOwnCapabilitiesInsteadOfRunningInfocmp() {
    assertThat(InfoCmp.getLoadedInfoCmp("screen-256color")).isNull();

    TerminalPrompter.useBundledCapabilities("screen-256color");

    assertThat(InfoCmp.getLoadedInfoCmp("screen-256color"))
        .isEqualTo(InfoCmp.getDefaultInfoCmp("screen-256color"))
        .isNotBlank();
  }

  @Test
  void anUnknownTerminalTypeIsLeftToJLine() {
    TerminalPrompter.useBundledCapabilities("no-such-terminal");

    assertThat(InfoCmp.getLoadedInfoCmp("no-such-terminal")).isNull();
  }

  @Test
  void readsTheAnswersTypedOnATerminal() throws Exception {
    PipedInputStream keyboard = new PipedInputStream();
    try (PipedOutputStream typing = new PipedOutputStream(keyboard);
        Terminal terminal =
            new ExternalTerminal(
                "test",
                "xterm",
                keyboard,
                OutputStream.nullOutputStream(),
                StandardCharsets.UTF_8);
        Prompter prompter = Prompter.on(terminal)) {
      typing.write("  reader@example.com \rkitty-42\r".getBytes(StandardCharsets.UTF_8));
      typing.flush();

      assertThat(prompter.readLine("Username: ")).isEqualTo("reader@example.com");
      assertThat(prompter.readPassword("Password: ")).containsExactly("kitty-42".toCharArray());
    }
  }
}
