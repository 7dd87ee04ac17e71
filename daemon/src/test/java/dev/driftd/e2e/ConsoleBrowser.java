package dev.driftd.e2e;

import dev.driftd.testing.TempDirs;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: a fresh profile per run, no
 * network beyond the daemon under test (no component updates, sync or first-run fetches), and
 * the page's console kept so the test can check that no Content-Security-Policy report or script
 * error appeared.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Long enough for a sweep or an apply on a loaded two-core machine; only a hang reaches it. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    final ChromeDriver driver;
    private final Path profile;
    private final Path shots;
    private final List<String> console = new ArrayList<>();

    private ConsoleBrowser(ChromeDriver driver, Path profile, Path shots) {
        this.driver = driver;
        this.profile = profile;
        this.shots = shots;
    }

    /**
     * Starts the browser, or skips the calling test (with the reason printed) when Chromium is not
     * installed; with DRIFTD_TEST_REQUIRE_SERVERS set a missing browser fails instead.
     */
    static ConsoleBrowser start(Path shots) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String reason = "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): run .ci/setup/chromium.sh";
            if (System.getenv("DRIFTD_TEST_REQUIRE_SERVERS") != null) {
                throw new IllegalStateException(reason);
            }
            System.out.println("ConsoleBrowserE2ETest skipped: " + reason);
            abort(reason);
        }
        Path profile = Files.createTempDirectory("u19_chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1280, 800));
            Files.createDirectories(shots);
            return new ConsoleBrowser(driver, profile, shots);
        } catch (RuntimeException e) {
            TempDirs.delete(profile);
            throw e;
        }
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits for the condition; on a timeout the message carries the page's text and console, to see why. */
    <T> T await(String what, ExpectedCondition<T> condition) {
        try {
            // pages re-render after actions: an element found a moment ago may be gone; look again
            return new WebDriverWait(driver, PATIENCE).withMessage(what)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            String page;
            try {
                page = driver.getCurrentUrl() + "\n" + driver.findElement(org.openqa.selenium.By.tagName("body")).getText();
            } catch (RuntimeException other) {
                page = "(page unreadable: " + other.getMessage() + ")";
            }
            throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + "; page:\n" + page
                    + "\nconsole:\n" + String.join("\n", consoleLines()), e);
        }
    }

    WebElement awaitVisible(String what, By by) {
        return await(what, d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Waits for an element whose text contains {@code text}. */
    WebElement awaitText(String what, By by, String text) {
        return await(what, d -> d.findElements(by).stream().filter(e -> e.getText().contains(text)).findFirst()
                .orElse(null));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs an async script (its last argument is the callback) and returns what it called back with. */
    Object jsAsync(String script, Object... args) {
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Writes a PNG of the viewport to target/console-screenshots/NAME.png. */
    Path screenshot(String name) throws IOException {
        File f = driver.getScreenshotAs(OutputType.FILE);
        Path to = shots.resolve(name + ".png");
        Files.copy(f.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(f.toPath());
        return to;
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Light or dark, as the page's prefers-color-scheme media query sees it. */
    void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Browser console lines since the last call (CSP violations and script errors land here). */
    List<String> consoleLines() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(e.getLevel() + " " + e.getMessage());
        }
        List<String> out = List.copyOf(console);
        console.clear();
        return out;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            TempDirs.delete(profile);
        }
    }
}
