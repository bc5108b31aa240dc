package it.sportello;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.testing.Browser;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The moderators' console of one tenant in a browser of its own, used as a moderator does: through its
 * links, forms and buttons, never by posting to an address directly.
 */
final class ConsoleTab {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Browser browser;
    private final String baseUrl;
    private final String tenant;
    private final String username;
    private final String password;

    ConsoleTab(Browser browser, String baseUrl, String tenant, String username, String password) {
        this.browser = browser;
        this.baseUrl = baseUrl;
        this.tenant = tenant;
        this.username = username;
        this.password = password;
    }

    WebDriver driver() {
        return browser.driver();
    }

    void get(String path) {
        driver().get(baseUrl + path);
    }

    String url() {
        return driver().getCurrentUrl();
    }

    /** Fills in the login form on screen and waits for the queue it leads to. */
    void logIn() {
        driver().findElement(By.id("username")).sendKeys(username);
        driver().findElement(By.id("password")).sendKeys(password);
        driver().findElement(By.cssSelector("form.login button[type=submit]")).click();
        browser.await("the queue after login", WAIT, () -> url().endsWith("/console/" + tenant + "/queue"));
    }

    /** The queue, logging in first when there is no session (a test method run alone). */
    void queue() {
        get("/console/" + tenant + "/queue");
        if (url().endsWith("/console/login")) {
            logIn();
        }
        assertThat(text("h1")).isEqualTo("Coda delle segnalazioni");
    }

    WebElement queueRow(String message) {
        return driver().findElements(By.cssSelector("table.queue tbody tr")).stream()
                .filter(tr -> tr.findElement(By.cssSelector("th a")).getText().equals(message)).findFirst()
                .orElseThrow(() -> new AssertionError("not in the queue: " + message));
    }

    /** Finds the item in the queue and follows its link. */
    void openFromQueue(String itemPath) {
        queue();
        driver().findElement(By.cssSelector("table.queue a[href='" + itemPath + "']")).click();
        itemId();
    }

    /** The id of the item page on screen, once it is there. */
    long itemId() {
        String at = browser.await("an item page", WAIT, () -> url().matches(".*/items/\\d+(\\?.*)?") ? url() : null);
        long id = Long.parseLong(at.replaceAll(".*/items/(\\d+).*", "$1"));
        assertThat(text("h1")).isEqualTo("Segnalazione n. " + id);
        return id;
    }

    /** Submits the form of the button labelled {@code label} and waits for the page that tells the outcome. */
    void press(String label) {
        WebElement button = driver().findElements(By.cssSelector("main button")).stream()
                .filter(b -> b.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label + " among " + buttons()));
        button.click();
        browser.await("the page after " + label, WAIT, () -> url().contains("esito="));
    }

    void logOut() {
        driver().findElement(By.cssSelector("form.logout button")).click();
        browser.await("the login page", WAIT, () -> url().contains("/console/login?"));
    }

    String text(String css) {
        return driver().findElement(By.cssSelector(css)).getText();
    }

    List<String> texts(String css) {
        return driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    String flash() {
        return text("p.flash");
    }

    List<String> buttons() {
        return texts("main button");
    }

    /** Each fact of an item page as "term value". */
    List<String> facts() {
        return driver().findElements(By.cssSelector("dl.facts dt")).stream()
                .map(dt -> dt.getText() + " " + dt.findElement(By.xpath("following-sibling::dd[1]")).getText())
                .toList();
    }

    /** The cells of each row that {@code css} selects. */
    List<List<String>> rows(String css) {
        return driver().findElements(By.cssSelector(css)).stream()
                .map(tr -> tr.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    void screenshot(String name) {
        browser.screenshot(name);
    }

    /** Item pages are long and their outcome is further down than their flash message. */
    void fullPage(String name) {
        browser.fullPage(name);
    }
}
