package dev.doctest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doctest.config.Placeholders;
import dev.doctest.config.Variables;
import dev.doctest.match.OutputMatcher;
import dev.doctest.match.TerminalText;
import dev.doctest.model.Expected;
import dev.doctest.model.Location;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Matcher rules as a table of (actual output, expected text, verdict). */
class OutputMatcherTest {
  static final Placeholders PLACEHOLDERS;

  static {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("https://your-server.example.com", "${server.url}");
    map.put("/Users/you", "${home}");
    map.put("your-email@example.com", "${user.name}");
    map.put("127.0.0.1:8765", "${server.address}");
    PLACEHOLDERS =
        new Placeholders(
            map,
            new Variables(
                Map.of(
                    "server.url", "http://127.0.0.1:41234",
                    "server.address", "127.0.0.1:41234",
                    "home", "/tmp/doctest-1/home",
                    "user.name", "reader@fake-cli.test")));
  }

  static final OutputMatcher MATCHER =
      new OutputMatcher(
          Map.of(
              "ULID", Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}"),
              "SECONDS", Pattern.compile("\\d+")));

  static Expected exact(String text) {
    return exact(text, Map.of());
  }

  /** The whole output, where the values {@code varying} maps to its pattern may differ. */
  static Expected exact(String text, Map<String, String> varying) {
    return expected(text, Expected.MatchMode.EXACT, varying);
  }

  /** Lines the output must contain, in order. */
  static Expected excerpt(String text) {
    return expected(text, Expected.MatchMode.CONTAINS, Map.of());
  }

  private static Expected expected(
      String text, Expected.MatchMode mode, Map<String, String> varying) {
    return new Expected(new Location(Path.of("x.md"), "x.md", 1), 2, text, mode, varying);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("identical", "a\nb\n", exact("a\nb"), true),
        Arguments.of("changed word", "Hello, World!\n", exact("Hello, world!"), false),
        Arguments.of("extra line", "a\nb\nc\n", exact("a\nb"), false),
        Arguments.of("missing line", "a\n", exact("a\nb"), false),
        Arguments.of("CRLF and trailing spaces", "a  \r\nb\t\r\n\r\n", exact("a\nb"), true),
        Arguments.of("ANSI colours", "\u001B[32m✅ ok\u001B[0m\n", exact("✅ ok"), true),
        Arguments.of(
            "values of the run become placeholders",
            "Server URL   http://127.0.0.1:41234\nConfig File  /tmp/doctest-1/home/.fake-cli/config.toml\n",
            exact(
                "Server URL   https://your-server.example.com\nConfig File  /Users/you/.fake-cli/config.toml"),
            true),
        Arguments.of(
            "a placeholder is not a wildcard",
            "Server URL   http://127.0.0.1:9999\n",
            exact("Server URL   https://your-server.example.com"),
            false),
        Arguments.of(
            "declared pattern matches a varying value",
            "Created item 01JQ99999999999999999999ZZ\n",
            exact(
                "Created item 01JQ8Z3V6K2M4N5P6Q7R8S9T0V",
                Map.of("01JQ8Z3V6K2M4N5P6Q7R8S9T0V", "ULID")),
            true),
        Arguments.of(
            "undeclared varying value fails",
            "Created item 01JQ99999999999999999999ZZ\n",
            exact("Created item 01JQ8Z3V6K2M4N5P6Q7R8S9T0V"),
            false),
        Arguments.of(
            "excerpt found",
            "Authenticating...\n❌ Invalid username or password\n   Please check.\n",
            excerpt("❌ Invalid username or password\n   Please check."),
            true),
        Arguments.of("excerpt lines out of order", "❌ b\n❌ a\n", excerpt("❌ a\n❌ b"), false),
        Arguments.of(
            "a pattern varies only where its example stands",
            "\"remaining_seconds\": 86400,\n\"count\": 7\n",
            exact("\"remaining_seconds\": 86399,\n\"count\": 5", Map.of("86399", "SECONDS")),
            false),
        Arguments.of(
            "the example's pattern matches at its position",
            "\"remaining_seconds\": 86400,\n\"count\": 5\n",
            exact("\"remaining_seconds\": 86399,\n\"count\": 5", Map.of("86399", "SECONDS")),
            true),
        Arguments.of(
            "a value with two reader texts reads one way only: not the page's pick",
            "Use http://127.0.0.1:41234\n",
            exact("Use http://127.0.0.1:8765"),
            false),
        Arguments.of(
            "a value with two reader texts reads one way only: the longest value's",
            "Use http://127.0.0.1:41234\n",
            exact("Use https://your-server.example.com"),
            true),
        Arguments.of(
            "a value with two reader texts: no third",
            "Use http://127.0.0.1:41234\n",
            exact("Use http://127.0.0.1:8766"),
            false),
        Arguments.of("empty expected, empty actual", "\n", exact(""), true),
        Arguments.of("empty expected, some output", "boo\n", exact(""), false));
  }

  @ParameterizedTest(name = "{0} → {3}")
  @MethodSource("table")
  void verdicts(String name, String actual, Expected expected, boolean matches) {
    assertThat(MATCHER.compare(actual, expected, PLACEHOLDERS).isEmpty()).isEqualTo(matches);
  }

  @Test
  void mismatchCarriesAUnifiedDiffAndTheReaderTextWithPlaceholdersKept() {
    var mismatch =
        MATCHER
            .compare(
                "Syncing with http://127.0.0.1:41234...\n↑ Pushed 47 events (1 batch)\n",
                exact(
                    "Syncing with https://your-server.example.com...\n↑ Pushed 48 events (1 batch)"),
                PLACEHOLDERS)
            .orElseThrow();

    assertThat(mismatch.diff())
        .contains(
            "--- expected (doc)",
            "+++ actual",
            "-↑ Pushed 48 events (1 batch)",
            "+↑ Pushed 47 events (1 batch)")
        .contains(" Syncing with https://your-server.example.com...");
    assertThat(mismatch.readerText())
        .isEqualTo("Syncing with https://your-server.example.com...\n↑ Pushed 47 events (1 batch)");
  }

  static Stream<Arguments> screens() {
    return Stream.of(
        Arguments.of(
            "JLine prompt with modes",
            "\u001B[?1h\u001B=Username: me\r\r\n\u001B[?1l\u001B>\u001B[?1000lnext\r\n",
            "Username: me\nnext"),
        Arguments.of("carriage return overwrites", "50%\r100%\n", "100%"),
        Arguments.of("backspace", "abd\bc\n", "abc"),
        Arguments.of("window title", "\u001B]0;title\u0007shown\n", "shown"),
        Arguments.of("trailing blank lines", "x\n\n\n", "x"),
        Arguments.of(
            "a line erased after the cursor moved up",
            "✅ Synced 48 events\n\u001B[1A\u001B[2K❌ Sync failed\n",
            "❌ Sync failed"),
        Arguments.of(
            "erased to the end of the line", "progress 10%\r\u001B[Kdone\nnext\n", "done\nnext"),
        Arguments.of(
            "a line erased and written again in a short output",
            "a\n".repeat(20) + "b\n\u001B[1A\u001B[2Kc\n",
            "a\n".repeat(20) + "c"),
        Arguments.of(
            "concealed text shows as blanks",
            "Result: \u001B[8mnot \u001B[0mverified\n",
            "Result:     verified"),
        Arguments.of("concealed with a leading zero", "\u001B[08mnot\u001B[0m ok\n", "    ok"),
        Arguments.of("black on black", "\u001B[30;40m✅ ok\u001B[0m done\n", "     done"),
        Arguments.of(
            "the same colour as 256-colour indices",
            "\u001B[38;5;4;48;5;4mhidden\u001B[0mshown\n",
            "      shown"),
        Arguments.of(
            "text on the alternate screen",
            "before\n\u001B[?1049h✅ All pushed\u001B[?1049l\nafter\n",
            "before\n\nafter"),
        Arguments.of(
            "a control string over lines", "\u001BP\nAll checks passed\n\u001B\\\nend\n", "\nend"),
        Arguments.of(
            "a carriage return in a wrapped line",
            "x".repeat(90) + "\rY\n",
            "x".repeat(80) + "\nYxxxxxxxxx"),
        Arguments.of("a character repeated", "Charged $10\u001B[3b\n", "Charged $10000"),
        Arguments.of("tabs written over", "\t\tFAILED\rStatus: OK\n", "Status: OK      FAILED"),
        Arguments.of(
            "a control string cancelled",
            "Login OK\n\u001BP\u0018WARNING: clear text\n",
            "Login OK\nWARNING: clear text"),
        Arguments.of(
            "the alternate screen among other modes",
            "\u001B[?25;1049hToken saved\u001B[?1049;25l\nnext\n",
            "\nnext"),
        Arguments.of(
            "one colour in two notations",
            "x \u001B[38;5;16;48;2;0;0;0mAll passed\u001B[0m y\n",
            "x            y"),
        Arguments.of(
            "colour 8 of 256 conceals nothing", "\u001B[38;5;8mgrey\u001B[0m text\n", "grey text"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("screens")
  void terminalTextIsWhatTheReaderSees(String name, String raw, String seen) {
    assertThat(TerminalText.normalize(raw)).isEqualTo(seen);
  }

  static Stream<Arguments> unreadable() {
    return Stream.of(
        Arguments.of(
            "more than one screen redrawn",
            "❌ Push failed\n" + "\n".repeat(30) + "\u001B[31A\u001B[2K✅ Pushed\n",
            "longer than one 80 × 24 terminal screen"),
        Arguments.of(
            "a wide character written over", "ok: 1 of 2\r✅✅\n", "width differs between terminals"),
        Arguments.of(
            "a wide character and a cursor moved along the line",
            "✅ ok\u001B[3D\u001B[Kno\n",
            "width differs between terminals"),
        Arguments.of("line drawing", "\u001B(0lqqqk\u001B(B\n", "line-drawing character set"),
        Arguments.of("left on the alternate screen", "\u001B[?1049h✅ done\n", "alternate screen"),
        Arguments.of(
            "no line wrapping", "\u001B[?7l" + "x".repeat(90) + "\u001B[?7h\n", "line wrapping"),
        Arguments.of("tabs on a redrawn screen", "a\tb\n\u001B[1A\u001B[2Kc\n", "holds tabs"),
        Arguments.of(
            "a sequence the screen cannot draw", "\u001B#8\u001B[A\n", "could not be drawn"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadable")
  void outputWhoseScreenDependsOnTheTerminalCannotBeChecked(String name, String raw, String why) {
    assertThatThrownBy(() -> TerminalText.normalize(raw))
        .isInstanceOf(TerminalText.Unreadable.class)
        .hasMessageContaining(why);
  }
}
