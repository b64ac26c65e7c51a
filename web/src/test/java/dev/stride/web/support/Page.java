package dev.stride.web.support;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The app as a user sees it in one browser: find by label, name or text, type, click, wait. */
public final class Page {

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    public Page(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(40));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Page open(String url) {
        driver.get(url);
        return this;
    }

    /** Signs in on the local server's form as {@code sub}. */
    public Page signIn(String sub) {
        type("sub", sub);
        button("Sign in").click();
        return this;
    }

    public WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The heading of the current screen, once it says {@code text}. */
    public void screen(String heading) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), heading));
    }

    public WebElement field(String name) {
        return visible("main [name='" + name + "']");
    }

    public Page type(String name, String text) {
        WebElement field = field(name);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** A date input, set as a user's date picker would set it. */
    public Page date(String name, String isoDate) {
        WebElement field = field(name);
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field, isoDate);
        return this;
    }

    public Page tags(String... tags) {
        WebElement input = field("tags");
        for (String tag : tags) {
            input.sendKeys(tag, Keys.ENTER);
        }
        return this;
    }

    public Page select(String name, String value) {
        new org.openqa.selenium.support.ui.Select(field(name)).selectByValue(value);
        return this;
    }

    /** A button (or a link styled as one) whose text is exactly {@code text}. */
    public WebElement button(String text) {
        By by = By.xpath("//main//*[self::button or self::a][normalize-space(.)='" + text + "']");
        return wait.until(ExpectedConditions.elementToBeClickable(by));
    }

    /** The list entry whose title is {@code title}. */
    public WebElement item(String title) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//main//a[contains(@class,'item')][.//*[contains(@class,'item-title')][normalize-space(.)='" + title + "']]")));
    }

    public Page tab(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//nav//a[normalize-space(.)='" + text + "']"))).click();
        return this;
    }

    /** The error shown next to the field named {@code name}. */
    public WebElement fieldError(String name) {
        return visible("main [data-field='" + name + "'] .field-error");
    }

    public void waitText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** The titles of the list's entries, in order, once the list shows {@code count} of them. */
    public List<String> listTitles(int count) {
        wait.until(d -> d.findElements(By.cssSelector("main .list .item-title")).size() == count);
        return all("main .list .item-title").stream().map(WebElement::getText).toList();
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    public <T> T until(java.util.function.Function<ChromeDriver, T> condition) {
        return wait.until(d -> condition.apply(driver));
    }
}
