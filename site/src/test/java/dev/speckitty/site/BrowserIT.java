package dev.speckitty.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The site as a reader sees it: headless Chromium opens the server tutorial served on 127.0.0.1,
 * checks what is on screen, follows a Next Steps link and saves a screenshot.
 */
class BrowserIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static SiteServer server;
  static ChromeDriver browser;

  @BeforeAll
  static void open() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "No browser: install Debian's chromium and chromium-driver (.ci/run does) to run this test");
    server = new SiteServer(Path.of(System.getProperty("site.dir")), 0);
    Path cache = Files.createDirectories(Path.of("target/selenium"));
    System.setProperty("SE_AVOID_STATS", "true");
    System.setProperty("SE_CACHE_PATH", cache.toAbsolutePath().toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1800",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile-"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
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

  @Test
  void readerSeesTheVerifiedTutorialAndCanFollowItsNextSteps() throws Exception {
    browser.get(server.baseUrl() + "tutorials/server-connection.html");

    assertThat(browser.findElement(By.cssSelector("main h1")).getText())
        .isEqualTo("Connect to a Spec Kitty Server");
    WebElement badge = browser.findElement(By.cssSelector("main p.verified-badge"));
    assertThat(badge.isDisplayed()).isTrue();
    assertThat(badge.getText()).startsWith("✓ Verified against spec-kitty 2.");
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
    List<WebElement> code = browser.findElements(By.cssSelector("main pre"));
    assertThat(code).hasSizeGreaterThanOrEqualTo(12).allMatch(WebElement::isDisplayed);
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("↑ Pushed 48 events (1 batch)")
        .doesNotContain("doctest");

    Path screenshots = Files.createDirectories(Path.of(System.getProperty("screenshots.dir")));
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(),
        screenshots.resolve("server-connection.png"),
        StandardCopyOption.REPLACE_EXISTING);

    browser.findElement(By.linkText("How to Use the SaaS Dashboard")).click();

    assertThat(browser.getCurrentUrl()).endsWith("/how-to/use-saas-dashboard.html");
    assertThat(browser.findElement(By.cssSelector("main h1")).getText())
        .isEqualTo("How to Use the SaaS Dashboard");
    File next = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(
        next.toPath(),
        screenshots.resolve("use-saas-dashboard.png"),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
