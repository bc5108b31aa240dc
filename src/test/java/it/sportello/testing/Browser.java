package it.sportello.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, driven by Selenium for page tests; nothing is ever downloaded. */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String REQUIRE_VAR = "SPORTELLO_REQUIRE_BROWSER";
    /** Where tests keep their screenshots, under the project root. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * Selenium warns at every start that it has no DevTools bindings for this Chromium version; the tests use
     * WebDriver only, so the warning is noise in every CI log. Held here: JUL keeps loggers weakly.
     */
    private static final Logger CDP_VERSION_LOG = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts a browser with an empty profile. Without Chromium and ChromeDriver the test is skipped, or fails
     * where {@code SPORTELLO_REQUIRE_BROWSER=1}.
     */
    public static Browser start() {
        return start(System.getenv(), CHROMIUM, CHROMEDRIVER);
    }

    static Browser start(Map<String, String> env, Path chromium, Path chromedriver) {
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            return Requirement.missing(env, REQUIRE_VAR, "No " + chromium + " or " + chromedriver
                    + " for the browser tests: apt-get install chromium chromium-driver");
        }
        Path profile = tempDirectory();
        // The driver path set here keeps Selenium Manager from looking for (and downloading) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // Without the networking flags Chromium keeps calling home, and this machine's network refuses it.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,900", "--user-data-dir=" + profile);
        try {
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves what the page shows now as a PNG, creating the folders, and returns the file. */
    public Path screenshot(Path file) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("sportello-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Best effort: a profile left behind in the temp folder harms nothing, a failing close would. */
    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left behind
        }
    }
}
