package dev.speckitty.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.jline.utils.InfoCmp;
import org.junit.jupiter.api.Test;

class TerminalPrompterTest {
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
