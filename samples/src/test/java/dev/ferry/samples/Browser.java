package dev.ferry.samples;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ferry.testsupport.ExternalProgram;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium, driven through Debian's chromedriver, with a profile of its own
 * that is deleted on {@link #close}. Nothing is downloaded: both paths are given to Selenium.
 * Public for the integration tests' chat behind nginx on two nodes.
 */
public final class Browser implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, TIMEOUT);
    }

    public static Browser open() throws IOException {
        Path chromium = ExternalProgram.CHROMIUM.require();
        Path chromedriver = ExternalProgram.CHROMEDRIVER.require();
        Path profile = Files.createTempDirectory("ferry-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=900,760");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        try {
            return new Browser(profile, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            deleteRecursively(profile);
            throw e;
        }
    }

    public void get(String url) {
        driver.get(url);
    }

    public String title() {
        return driver.getTitle();
    }

    public WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    /** Types into a field, replacing what it held. */
    public void type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
    }

    public void joinAs(String name) {
        type("name", name);
        find("join").click();
    }

    public void say(String text) {
        type("text", text);
        find("send").click();
    }

    /** Waits until the element's text is {@code expected}. */
    public void awaitText(String id, String expected) {
        awaitThat(d -> expected.equals(find(id).getText()), "#" + id + " to read '" + expected + "'");
    }

    /** Waits until some line of the message list contains {@code text}. */
    public void awaitMessage(String text) {
        awaitThat(d -> d.findElements(By.cssSelector("#messages li")).stream().anyMatch(li -> li.getText().contains(text)),
                "a message line containing '" + text + "'");
    }

    /** Whether a message line contains {@code text} and has the class {@code cssClass}. */
    public boolean hasMessage(String cssClass, String text) {
        return driver.findElements(By.cssSelector("#messages li." + cssClass)).stream()
                .anyMatch(li -> li.getText().contains(text));
    }

    private void awaitThat(ExpectedCondition<Boolean> condition, String what) {
        try {
            wait.until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("Waited " + TIMEOUT + " for " + what + "; the page said: " + find("status").getText()
                    + " / messages: " + find("messages").getText());
        }
    }

    public void screenshot(Path target) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Ends Chromium and chromedriver and deletes the profile. */
    /** The text of the element {@code id} now. */
    public String text(String id) {
        return find(id).getText();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            deleteRecursively(profile);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
