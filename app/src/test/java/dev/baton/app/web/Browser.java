package dev.baton.app.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by chromedriver, both from Debian ({@code .ci/ensure-chromium}
 * installs them). Tests that need it are skipped, saying why, only when they are not installed.
 * Screenshots go to {@code app/target/screenshots/} for review.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final String base;
    private final Path screenshots;
    private int shots;

    private Browser(ChromeDriver driver, String base, Path screenshots) {
        this.driver = driver;
        this.base = base;
        this.screenshots = screenshots;
    }

    static Browser open(int port, String run) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "): run .ci/ensure-chromium as root "
                        + "(apt-get install chromium chromium-driver) to run the browser tests");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1440,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(0));
        Path root = dev.baton.app.ProjectRoot.PATH;
        Path dir = root.resolve("app/target/screenshots").resolve(run);
        try {
            Files.createDirectories(dir);
            try (var old = Files.list(dir)) {
                for (Path png : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                    Files.delete(png);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Browser(driver, "http://localhost:" + port, dir);
    }

    void go(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    void signIn(String user) {
        go("/signin");
        driver.manage().deleteAllCookies();
        go("/signin");
        type(By.id("username"), user);
        type(By.id("password"), "baton-demo");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(() -> !driver.getCurrentUrl().contains("/signin"));
    }

    /** Clicks what submits a form or follows a link, and waits until the next page replaced this one. */
    void submit(By by) {
        WebElement e = driver.findElement(by);
        e.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> gone(e));
    }

    /**
     * Whether the element left the page. Chromium sometimes answers a replaced page's element with
     * "Node with given id does not belong to the document" instead of a stale-element error; both mean
     * the next page has arrived (Selenium's own stalenessOf lets the first escape and fails the walk).
     */
    private static boolean gone(WebElement e) {
        try {
            e.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException other) {
            if (String.valueOf(other.getMessage()).contains("does not belong to the document")) return true;
            throw other;
        }
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    void type(By by, String text) {
        WebElement e = driver.findElement(by);
        e.clear();
        e.sendKeys(text);
    }

    void waitFor(java.util.function.BooleanSupplier condition) {
        // htmx replaces parts of the page while the condition looks at them: a stale element means "not yet".
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    /** Saves a screenshot named {@code NN-name.png}. */
    void screenshot(String name) {
        File png = driver.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(png.toPath(), screenshots.resolve(String.format("%02d-%s.png", ++shots, name)),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
