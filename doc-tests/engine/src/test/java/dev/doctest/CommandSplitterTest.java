package dev.doctest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandSplitterTest {
  @Test
  void plainLinesAreSeparateCommands() {
    assertThat(CommandSplitter.split("mkdir -p x && cd x\nexport A=1\n# a comment\necho \"$A\""))
        .containsExactly("mkdir -p x && cd x", "export A=1", "echo \"$A\"");
  }

  @Test
  void multiLineConstructsStayOneUnit() {
    for (String block :
        List.of(
            "cat <<EOF > f\nhello\nEOF",
            "echo a \\\n  b",
            "for i in 1 2; do\n  echo $i\ndone",
            "if true; then\n echo y\nfi",
            "echo 'open\nquote'",
            "ls |\n wc -l")) {
      assertThat(CommandSplitter.split(block)).as(block).containsExactly(block);
    }
  }
}
