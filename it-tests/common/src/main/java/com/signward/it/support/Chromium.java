package com.signward.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A headless Chromium driven by Selenium: Debian's {@code chromium} and {@code chromium-driver}
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; system properties {@code it.chromium.binary} and
 * {@code it.chromium.driver} name others). Both paths are given to Selenium, so Selenium Manager never runs and
 * nothing is downloaded. A fresh profile per instance; {@link #close()} ends the browser and its driver.
 */
public final class Chromium implements AutoCloseable {

    /** The browser. */
    public static final Path BINARY = Path.of(System.getProperty("it.chromium.binary", "/usr/bin/chromium"));
    /** Its WebDriver server. */
    public static final Path DRIVER = Path.of(System.getProperty("it.chromium.driver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Selenium warns that it has no DevTools (CDP) classes for this browser version: none are needed here. */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Chromium() throws IOException {
        profile = Files.createTempDirectory("it-chromium-");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile,
                // the pages under test are on 127.0.0.1; every other host name fails at once (no network)
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver started;
        try {
            started = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteProfile();
            throw e;
        }
        driver = started;
        driver.manage().timeouts().pageLoadTimeout(WAIT);
    }

    /** Skips the calling test, saying why, when the browser or its driver is not installed. */
    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
                () -> "Chromium test skipped: " + BINARY + " or " + DRIVER + " is missing (Debian: apt-get install "
                        + "chromium chromium-driver; .ci/run installs them)");
    }

    /** Starts a headless browser with an empty profile. */
    public static Chromium start() {
        try {
            return new Chromium();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The WebDriver. */
    public WebDriver driver() {
        return driver;
    }

    /** Waits (up to 30 s) until the condition holds; fails with the current page's URL otherwise. */
    public void waitUntil(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                String page = driver.getPageSource();
                throw new AssertionError("timed out waiting for " + what + "; at " + driver.getCurrentUrl() + ": "
                        + (page.length() > 1000 ? page.substring(0, 1000) + "..." : page));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits for an element to be on the page and returns it. */
    public WebElement element(By locator) {
        waitUntil(locator.toString(), () -> !driver.findElements(locator).isEmpty());
        return driver.findElement(locator);
    }

    /** Whether the page has this element now. */
    public boolean has(By locator) {
        List<WebElement> found = driver.findElements(locator);
        return !found.isEmpty();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
