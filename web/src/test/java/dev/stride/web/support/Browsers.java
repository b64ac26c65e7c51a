package dev.stride.web.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium through chromedriver, both Debian's packages (chromium, chromium-driver), named
 * explicitly so that Selenium never looks for or downloads a browser or driver of its own.
 * CHROMIUM_BIN and CHROMEDRIVER_BIN point elsewhere.
 */
public final class Browsers {

    public static final String INSTALL_HINT = "install Debian's chromium and chromium-driver packages "
            + "(apt-get install -y chromium chromium-driver) to run the browser tests";

    private static final List<ChromeDriver> OPEN = new ArrayList<>();
    /**
     * Quiet: Selenium warns on every start that it has no DevTools binding for this Chromium
     * version; the tests use only WebDriver and chromedriver's own CDP passthrough.
     */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools"),
            Logger.getLogger("org.openqa.selenium.chromium"));

    static {
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    private Browsers() {
    }

    static Path chromium() {
        return Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    }

    static Path chromedriver() {
        return Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    }

    /** Skips the calling test (only it) where there is no Chromium. */
    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(chromium()) && Files.isExecutable(chromedriver()),
                "skipped: no " + chromium() + " or " + chromedriver() + " — " + INSTALL_HINT);
    }

    public static ChromeDriver desktop() {
        return open(false);
    }

    /** A 360 px wide phone screen (device pixel ratio 2, touch), as Chrome's device mode has it. */
    public static ChromeDriver phone() {
        return open(true);
    }

    private static ChromeDriver open(boolean phone) {
        assumeInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--lang=en-US", "--hide-scrollbars",
                "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US"));
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", 360, "height", 760, "pixelRatio", 2.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver().toFile())
                .usingAnyFreePort()
                .withLogFile(new File("target/chromedriver.log"))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        synchronized (OPEN) {
            OPEN.add(driver);
        }
        return driver;
    }

    public static void close(ChromeDriver driver) {
        if (driver == null) {
            return;
        }
        synchronized (OPEN) {
            OPEN.remove(driver);
        }
        driver.quit();
    }

    /** Saves what every open browser shows, as target/browser-failures/{name}-{n}.png. */
    static void screenshotAll(String name) {
        List<ChromeDriver> drivers;
        synchronized (OPEN) {
            drivers = List.copyOf(OPEN);
        }
        for (int i = 0; i < drivers.size(); i++) {
            save(drivers.get(i), Path.of("target", "browser-failures", name + "-" + (i + 1) + ".png"));
        }
    }

    public static void save(ChromeDriver driver, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not save a screenshot to " + file + ": " + e);
        }
    }
}
