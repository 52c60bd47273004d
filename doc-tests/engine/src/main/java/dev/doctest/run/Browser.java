package dev.doctest.run;

import dev.doctest.model.Step;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven by Selenium, for browser steps: what a reader sees at a URL. The browser
 * and its driver come from this machine ({@code DOCTEST_CHROMIUM}, {@code DOCTEST_CHROMEDRIVER},
 * else Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}); Selenium never
 * downloads one.
 *
 * @param chromium the browser
 * @param driver its driver
 */
public record Browser(Path chromium, Path driver) {
  /** The window a reader's laptop shows. */
  static final int WIDTH = 1280;

  static final int HEIGHT = 800;

  /**
   * Selenium's own log (driver start-up, CDP version guesses) is noise in a writer's terminal; what
   * a step found is in its result. Held here so the setting is not garbage-collected away.
   */
  private static final Logger SELENIUM_LOG = quiet("org.openqa.selenium");

  private static Logger quiet(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(Level.OFF);
    return logger;
  }

  /** The browser of this machine, or why there is none. */
  public static Optional<Browser> detect() {
    Path chromium = Path.of(System.getenv().getOrDefault("DOCTEST_CHROMIUM", "/usr/bin/chromium"));
    Path driver =
        Path.of(System.getenv().getOrDefault("DOCTEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    return Files.isExecutable(chromium) && Files.isExecutable(driver)
        ? Optional.of(new Browser(chromium, driver))
        : Optional.empty();
  }

  /** Why browser steps are skipped on a machine without a browser. */
  public static final String MISSING =
      "no Chromium on this machine (Debian: apt-get install chromium chromium-driver)";

  /**
   * What the browser saw at a URL.
   *
   * @param problems what a reader would not see as the page says
   * @param image the screenshot asked for (PNG), when one was
   * @param window the whole window as it was (PNG), to show what went wrong
   */
  record Seen(List<String> problems, Optional<byte[]> image, byte[] window) {}

  /** Starts a headless Chromium for the browser steps of one page, with a profile of its own. */
  Session open() {
    SELENIUM_LOG.fine("starting Chromium");
    Path profile;
    try {
      profile = Files.createTempDirectory("doctest-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      ChromeDriver browser =
          start(
              "--hide-scrollbars",
              "--force-device-scale-factor=1",
              "--window-size=" + WIDTH + "," + HEIGHT,
              "--user-data-dir=" + profile);
      return new Session(browser, profile);
    } catch (RuntimeException e) {
      FileTrees.delete(profile);
      throw e;
    }
  }

  /**
   * Starts this browser headless through its driver, quiet and offline but for the pages it is sent
   * to, with {@code arguments} of the caller's own (window size, profile): browser steps and other
   * tests of what a reader sees start Chromium alike. The caller quits it.
   */
  public ChromeDriver start(String... arguments) {
    System.setProperty("SE_AVOID_STATS", "true");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync");
    options.addArguments(arguments);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return browser;
  }

  /**
   * One browser for the browser steps of one page, as a reader keeps one window open: started at
   * the first step (a second or two), closed with the page.
   */
  static final class Session implements AutoCloseable {
    private final ChromeDriver browser;
    private final Path profile;

    /**
     * Quits the browser if the process ends first: a run's last page may still be closing when the
     * run exits, and Ctrl-C ends a --watch run; either would leave chromedriver running.
     */
    private final Thread onExit;

    private boolean closed;

    private Session(ChromeDriver browser, Path profile) {
      this.browser = browser;
      this.profile = profile;
      this.onExit = new Thread(this::quit, "doctest-browser-quit");
      Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** Opens {@code url} and checks {@code step}'s expectations there. */
    Seen look(String url, Step.Browse step) {
      SELENIUM_LOG.fine(() -> "opening " + url);
      try {
        browser.get(url);
        List<String> problems = new ArrayList<>();
        String text = browser.findElement(By.tagName("body")).getText();
        for (String wanted : step.see()) {
          if (!shows(text, wanted)) {
            problems.add("“" + wanted + "” is not on the page");
          }
        }
        for (Step.Browse.Count c : step.counts()) {
          long visible =
              browser.findElements(By.cssSelector(c.selector())).stream()
                  .filter(WebElement::isDisplayed)
                  .count();
          if (visible != c.expected()) {
            problems.add(
                visible + " × " + c.selector() + " on the page, the page says " + c.expected());
          } else if (c.expected() == 0) {
            // "none of these" must be about things that exist: a mistyped selector counts 0 too.
            for (String part : c.selector().trim().split("\\s*[\\s>+~]\\s*")) {
              if (!part.isEmpty() && browser.findElements(By.cssSelector(part)).isEmpty()) {
                problems.add(
                    "nothing on the page is "
                        + part
                        + ", so “0 × "
                        + c.selector()
                        + "” proves nothing: check the selector");
              }
            }
          }
        }
        Optional<byte[]> image = Optional.empty();
        if (step.screenshot().isPresent()) {
          if (step.region().isPresent()) {
            List<WebElement> region = browser.findElements(By.cssSelector(step.region().get()));
            if (region.isEmpty()) {
              problems.add("no " + step.region().get() + " on the page to take the image of");
            } else {
              image = Optional.of(region.get(0).getScreenshotAs(OutputType.BYTES));
            }
          } else {
            image = Optional.of(browser.getScreenshotAs(OutputType.BYTES));
          }
        }
        return new Seen(problems, image, browser.getScreenshotAs(OutputType.BYTES));
      } catch (WebDriverException e) {
        String why =
            e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        return new Seen(
            List.of("the browser could not show " + url + ": " + why),
            Optional.empty(),
            new byte[0]);
      }
    }

    @Override
    public void close() {
      quit();
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException exiting) {
        // The process is ending: the hook quits (or has quit) the browser.
      }
    }

    private synchronized void quit() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        browser.quit();
      } finally {
        FileTrees.delete(profile);
      }
    }
  }

  /**
   * Whether {@code text} shows {@code wanted} as a reader reads it: as words of their own, not
   * inside longer ones ("8 events" is not in "48 events").
   */
  static boolean shows(String text, String wanted) {
    return java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(wanted) + "(?![\\p{L}\\p{N}])")
        .matcher(text)
        .find();
  }

  /**
   * How far two images differ: the share of pixels whose colour differs noticeably (1 when their
   * sizes differ or one cannot be read).
   */
  static double difference(byte[] a, byte[] b) {
    try {
      BufferedImage x = ImageIO.read(new ByteArrayInputStream(a));
      BufferedImage y = ImageIO.read(new ByteArrayInputStream(b));
      if (x == null
          || y == null
          || x.getWidth() != y.getWidth()
          || x.getHeight() != y.getHeight()) {
        return 1;
      }
      long differ = 0;
      for (int i = 0; i < x.getWidth(); i++) {
        for (int j = 0; j < x.getHeight(); j++) {
          int p = x.getRGB(i, j);
          int q = y.getRGB(i, j);
          int d =
              Math.max(
                  Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff)),
                  Math.max(
                      Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff)),
                      Math.abs((p & 0xff) - (q & 0xff))));
          if (d > 24) {
            differ++;
          }
        }
      }
      return (double) differ / ((long) x.getWidth() * x.getHeight());
    } catch (IOException e) {
      return 1;
    }
  }
}
