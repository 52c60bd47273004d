package dev.speckitty.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doctest.run.Browser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The site as a reader sees it, in headless Chromium served on 127.0.0.1: the verified server
 * tutorial with how each troubleshooting example was verified, its copy buttons (read back from the
 * browser's clipboard), the badge's evidence page, search, highlighting and dark mode by the system
 * setting. Screenshots of each land in {@code target/screenshots/}.
 */
class BrowserIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path REPORTS = Path.of(System.getProperty("doctest.reports"));
  static SiteServer server;
  static ChromeDriver browser;
  static Path screenshots;

  @BeforeAll
  static void open() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "No browser: install Debian's chromium and chromium-driver (.ci/run does) to run this test");
    server = new SiteServer(Path.of(System.getProperty("site.dir")), 0);
    screenshots = Files.createDirectories(Path.of(System.getProperty("screenshots.dir")));
    Path cache = Files.createDirectories(Path.of("target/selenium"));
    System.setProperty("SE_CACHE_PATH", cache.toAbsolutePath().toString());
    browser =
        new Browser(CHROMIUM, CHROMEDRIVER)
            .start(
                "--window-size=1280,1800",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile-"));
    String origin = server.baseUrl().substring(0, server.baseUrl().length() - 1);
    browser.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of(
            "origin",
            origin,
            "permissions",
            List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void lightMode() {
    prefersColorScheme("light");
  }

  @Test
  void readerSeesTheVerifiedTutorialWithHowItsTroubleshootingWasVerified() throws Exception {
    open("tutorials/server-connection.html");

    assertThat(browser.findElement(By.cssSelector("main h1")).getText())
        .isEqualTo("Connect to a Spec Kitty Server");
    WebElement badge = browser.findElement(By.cssSelector("main p.verified-badge"));
    assertThat(badge.isDisplayed()).isTrue();
    assertThat(badge.getText()).startsWith("✓ Verified against spec-kitty 2.");
    assertThat(browser.findElement(By.cssSelector("main p.page-notes")).getText())
        .isEqualTo("Verified after the steps of “Your First Feature”, in the same terminal.");
    List<String> steps =
        browser.findElements(By.cssSelector("main h2")).stream()
            .filter(WebElement::isDisplayed)
            .map(WebElement::getText)
            .filter(t -> t.startsWith("Step "))
            .toList();
    assertThat(steps)
        .containsExactly(
            "Step 1: Configure the Server URL",
            "Step 2: Log In",
            "Step 3: Verify Your Connection",
            "Step 4: Sync Your Events");
    assertThat(browser.findElements(By.cssSelector("main pre")))
        .hasSizeGreaterThanOrEqualTo(12)
        .allMatch(WebElement::isDisplayed);
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("↑ Pushed 48 events (1 batch)")
        .doesNotContain("doctest");

    // Every note of the report is on the page, in order: each troubleshooting example says in
    // which state it ran and that it was a throwaway copy.
    List<WebElement> shownNotes =
        browser.findElements(By.cssSelector("main p.how-verified:not(.page-notes)"));
    assertThat(shownNotes).allMatch(WebElement::isDisplayed);
    assertThat(shownNotes.stream().map(WebElement::getText))
        .containsExactlyElementsOf(stepNotes("tutorials/server-connection.md"));
    List<WebElement> troubleshooting =
        browser.findElements(By.xpath("//main//li[.//pre]//p[contains(@class,'how-verified')]"));
    assertThat(troubleshooting.stream().map(WebElement::getText))
        .contains(
            "Verified while the server refuses every password. A throwaway example: it ran on a"
                + " copy of this page's state, undone before the next step.",
            "Verified while the server is down. A throwaway example: it ran on the same copy as"
                + " the example before it, undone before the next step.");
    // A code block in a list item is a block, not a row of inline code.
    WebElement listCode = browser.findElement(By.cssSelector("main li pre code"));
    assertThat(listCode.getCssValue("background-color")).isEqualTo("rgba(0, 0, 0, 0)");
    scrollTo(troubleshooting.get(0));
    screenshot("server-connection-notes.png");

    open("tutorials/server-connection.html");
    screenshot("server-connection.png");
    browser.findElement(By.linkText("How to Use the SaaS Dashboard")).click();
    assertThat(browser.getCurrentUrl()).endsWith("/how-to/use-saas-dashboard.html");
    assertThat(browser.findElement(By.cssSelector("main h1")).getText())
        .isEqualTo("How to Use the SaaS Dashboard");
  }

  @Test
  void copyButtonOfACommandBlockCopiesTheCommandsOnly() throws Exception {
    open("tutorials/server-connection.html");
    WebElement command = codeBlock("spec-kitty sync now");
    WebElement output = codeBlock("Syncing with https://your-server.example.com...");
    assertThat(command.getAttribute("data-role")).isEqualTo("command");

    WebElement button = command.findElement(By.cssSelector("button.copy-button"));
    scrollTo(command);
    button.click();
    assertThat(clipboard()).isEqualTo("spec-kitty sync now");
    assertThat(eventually(button::getText, "Copied")).isEqualTo("Copied");
    screenshot("copy-button.png");

    output.findElement(By.cssSelector("button.copy-button")).click();
    assertThat(clipboard())
        .isEqualTo(
            "Syncing with https://your-server.example.com...\n↑ Pushed 48 events (1 batch)\n"
                + "↓ Pulled 0 new events\n✅ Sync complete");

    codeBlock("# Create or edit the config file")
        .findElement(By.cssSelector("button.copy-button"))
        .click();
    assertThat(clipboard()).isEqualTo("# Create or edit the config file\nmkdir -p ~/.spec-kitty");
  }

  @Test
  void badgeLeadsToTheEvidenceOfEveryStepAsItRan() throws Exception {
    open("tutorials/server-connection.html");
    browser.findElement(By.cssSelector("main p.verified-badge a")).click();

    assertThat(browser.getCurrentUrl()).endsWith("/tutorials/server-connection-evidence.html");
    JsonNode report = report("tutorials/server-connection.md");
    WebElement main = browser.findElement(By.tagName("main"));
    assertThat(main.getText())
        .contains(
            "spec-kitty " + report.path("tool").path("version").asText(),
            report.path("tool").path("sha256").asText(),
            "Continues tutorials/your-first-feature.md");
    WebElement sync =
        browser.findElement(
            By.xpath(
                "//section[contains(@class,'evidence-step')][.//pre[normalize-space()='spec-kitty"
                    + " sync now']]"));
    assertThat(sync.findElement(By.cssSelector("pre.ran-output")).getText())
        .contains("↑ Pushed 48 events (1 batch)");
    assertThat(sync.getText()).contains("Exit code\n0", "passed");
    WebElement login =
        browser.findElement(
            By.xpath(
                "//section[contains(@class,'evidence-step')][.//pre[normalize-space()='spec-kitty"
                    + " auth login']]"));
    assertThat(login.getText())
        .contains("Command (in a terminal, answering its prompts)", "Password: ********")
        .doesNotContain("my-password");
    scrollTo(sync);
    screenshot("evidence.png");

    sync.findElement(By.linkText("See it on the page")).click();
    assertThat(browser.getCurrentUrl()).contains("/tutorials/server-connection.html#L");
  }

  @Test
  void searchFindsTheSyncPagesFromTheBuiltSiteAlone() throws Exception {
    open("index.html");
    WebElement input = browser.findElement(By.id("search-input"));
    input.sendKeys("sync");

    WebElement results = browser.findElement(By.id("search-results"));
    assertThat(eventually(results::isDisplayed, true)).isTrue();
    List<String> titles =
        results.findElements(By.cssSelector(".search-title")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(titles).contains("How to Sync with a Server", "Sync Architecture");
    screenshot("search.png");

    results.findElements(By.cssSelector("a")).stream()
        .filter(a -> a.getText().startsWith("How to Sync with a Server"))
        .findFirst()
        .orElseThrow()
        .click();
    assertThat(browser.getCurrentUrl()).contains("/how-to/sync-to-server.html");
  }

  @Test
  void darkModeFollowsTheSystemSetting() throws Exception {
    open("tutorials/server-connection.html");
    assertThat(luminance(css("body", "background-color"))).isGreaterThan(0.9);

    prefersColorScheme("dark");
    open("tutorials/server-connection.html");

    assertThat(luminance(css("body", "background-color"))).isLessThan(0.1);
    assertThat(luminance(css("main section > p:not([class])", "color"))).isGreaterThan(0.7);
    assertThat(luminance(css("main pre", "background-color"))).isLessThan(0.15);
    assertThat(luminance(css("#leftColumn .well", "background-color"))).isLessThan(0.15);
    screenshot("dark-mode.png");
  }

  @Test
  void theDashboardHowToShowsTheScreenshotThisBuildTookWithHowItWasVerified() throws Exception {
    open("how-to/use-saas-dashboard.html");
    WebElement image =
        browser.findElement(By.cssSelector("main img[src='images/dashboard-board.png']"));
    assertThat(image.isDisplayed()).isTrue();
    assertThat(
            ((Number) browser.executeScript("return arguments[0].naturalWidth", image)).intValue())
        .isPositive();
    Path published = Path.of(System.getProperty("site.dir"), "how-to/images/dashboard-board.png");
    String fresh = null;
    for (JsonNode step : report("how-to/use-saas-dashboard.md").path("steps")) {
      if (step.path("browser").has("fresh_image")) {
        fresh = step.path("browser").path("fresh_image").asText();
      }
    }
    assertThat(fresh).as("the report names the image the build took").isNotNull();
    assertThat(Files.readAllBytes(published)).isEqualTo(Files.readAllBytes(REPORTS.resolve(fresh)));
    assertThat(
            browser.findElements(By.cssSelector("main p.how-verified:not(.page-notes)")).stream()
                .map(WebElement::getText))
        .containsExactlyElementsOf(stepNotes("how-to/use-saas-dashboard.md"));
    WebElement afterImage = image.findElement(By.xpath("ancestor::p[1]/following-sibling::*[1]"));
    assertThat(afterImage.getAttribute("class")).contains("how-verified");
    assertThat(afterImage.getText())
        .startsWith(
            "Verified in a browser: opened https://your-server.example.com/a/kitty-team/dashboards/")
        .endsWith("The image images/dashboard-board.png was taken by this build.");
    scrollTo(image);
    screenshot("use-saas-dashboard-board.png");
  }

  @Test
  void codeIsHighlightedByItsLanguageAndHeadingsLookAlike() throws Exception {
    open("how-to/use-saas-dashboard.html");
    assertThat(browser.findElements(By.cssSelector("main pre code.hljs"))).isNotEmpty();
    List<String> comments =
        browser.findElements(By.cssSelector("main pre .hljs-comment, main pre .com")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(comments).noneMatch(c -> c.contains("//"));
    screenshot("use-saas-dashboard.png");

    open("reference/cli-commands.html");
    WebElement codeHeading = browser.findElement(By.xpath("//main//h2[code]"));
    WebElement plainHeading = browser.findElement(By.xpath("//main//h2[not(code)]"));
    WebElement code = codeHeading.findElement(By.tagName("code"));
    assertThat(code.getCssValue("font-size")).isEqualTo(plainHeading.getCssValue("font-size"));
    assertThat(code.getCssValue("font-family")).isEqualTo(plainHeading.getCssValue("font-family"));
    assertThat(code.getCssValue("background-color")).isEqualTo("rgba(0, 0, 0, 0)");
    screenshot("cli-commands.png");

    open("reference/man/spec-kitty-auth-login.html");
    assertThat(browser.findElement(By.id("leftColumn")).isDisplayed()).isTrue();
    screenshot("man-page.png");
  }

  // ---------------------------------------------------------------------------------------------

  static void open(String page) {
    browser.get(server.baseUrl() + page);
  }

  static JsonNode report(String document) throws Exception {
    return new ObjectMapper().readTree(REPORTS.resolve(document + ".json").toFile());
  }

  /**
   * The notes of the report's steps (illustrative ones too: why they were not run) as a reader
   * reads them: joined, code without backticks.
   */
  static List<String> stepNotes(String document) throws Exception {
    List<String> all = new ArrayList<>();
    for (JsonNode step : report(document).path("steps")) {
      List<String> notes = notes(step);
      if (!notes.isEmpty()) {
        all.add(String.join(" ", notes).replace("`", ""));
      }
    }
    return all;
  }

  static List<String> notes(JsonNode step) {
    List<String> notes = new ArrayList<>();
    step.path("how_verified").forEach(n -> notes.add(n.asText()));
    return notes;
  }

  static WebElement codeBlock(String firstLine) {
    return browser.findElement(
        By.xpath(
            "//main//div[contains(@class,'code-block')][pre[starts-with(normalize-space(),'"
                + firstLine
                + "')]]"));
  }

  static void scrollTo(WebElement e) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
  }

  /** What the page would paste: the clipboard, read in the page (permission granted above). */
  static String clipboard() {
    browser.executeCdpCommand("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
    return String.valueOf(
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, e => done('no clipboard: ' + e));"));
  }

  static void prefersColorScheme(String scheme) {
    browser.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  static String css(String selector, String property) {
    return browser.findElement(By.cssSelector(selector)).getCssValue(property);
  }

  /** Relative luminance of a CSS rgb()/rgba() colour: 0 black, 1 white. */
  static double luminance(String rgb) {
    String[] parts = rgb.replaceAll("[^0-9.,]", "").split(",");
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Double.parseDouble(parts[i]) / 255;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  static <T> T eventually(Supplier<T> value, T wanted) throws InterruptedException {
    T last = value.get();
    for (int i = 0; i < 50 && !wanted.equals(last); i++) {
      Thread.sleep(100);
      last = value.get();
    }
    return last;
  }

  static void screenshot(String name) throws Exception {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
