package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.app.Server;
import it.sportello.contract.Channel;
import it.sportello.store.DatabaseConfig;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxKind;
import it.sportello.testing.Browser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The chat page in real headless Chromium, used with the keyboard as a citizen would. */
class ChatBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path data;

    private static Server server;
    private static Browser browser;
    private static WebDriver driver;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        server = Server.start(new Server.Settings(Path.of("."), data, "127.0.0.1", 0, DatabaseConfig.embedded(data),
                600, 600, Duration.ofSeconds(2)), Clock.systemUTC(), it.sportello.Fixtures.TRAINER);
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersWithLinksShowsOperatorRepliesAndNeverRendersHtml() {
        browser.window(1024, 900);
        driver.get(server.baseUrl() + "/chat/ats-milano");
        assertThat(driver.getTitle()).isEqualTo("Sportello informazioni – ATS della Città Metropolitana di Milano");
        browser.screenshot("chat-desktop-start");

        // Keyboard only: Tab through the page to the question field.
        Actions keys = new Actions(driver);
        for (int i = 0; i < 20 && !"domanda".equals(driver.switchTo().activeElement().getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        WebElement input = driver.switchTo().activeElement();
        assertThat(input.getAttribute("id")).isEqualTo("domanda");

        // Shift+Enter is a new line, not a send.
        input.sendKeys("riga uno", Keys.chord(Keys.SHIFT, Keys.ENTER), "riga due");
        assertThat(input.getAttribute("value")).isEqualTo("riga uno\nriga due");
        assertThat(messages("msg")).isEmpty();
        input.clear();

        input.sendKeys("Come si cambia il medico di famiglia?", Keys.ENTER);
        WebElement answer = browser.await("the bot's answer", WAIT, () -> first("#log .msg-bot"));
        assertThat(messages("msg-user")).hasSize(1);
        assertThat(messages("msg-user").get(0).findElement(By.className("who")).getText()).isEqualTo("Tu");
        assertThat(answer.findElement(By.className("who")).getText()).isEqualTo("Sportello");
        WebElement link = answer.findElement(By.cssSelector("a[href^=\"https://www.ats-milano.it\"]"));
        assertThat(link.getAttribute("target")).isEqualTo("_blank");
        assertThat(link.getAttribute("rel")).contains("noopener").contains("noreferrer");
        // The URP link closes a bracket and a sentence: neither belongs to the address.
        assertThat(answer.findElements(By.tagName("a"))).extracting(a -> a.getAttribute("href"))
                .contains("https://www.ats-milano.it/contatti/ufficio-relazioni-con-il-pubblico")
                .allSatisfy(href -> assertThat(href).doesNotEndWith(")").doesNotEndWith("."));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("domanda");
        assertThat(input.getAttribute("value")).isEmpty();

        String payload = "<img src=x onerror=alert(1)>";
        input.sendKeys(payload, Keys.ENTER);
        browser.await("a reply to the payload", WAIT, () -> messages("msg-bot").size() == 2);
        assertThat(messages("msg-user").get(1).findElement(By.className("text")).getText()).isEqualTo(payload);
        assertThat(driver.findElements(By.cssSelector("#log img"))).isEmpty();
        assertNoAlert();
        browser.screenshot("chat-desktop");

        // A moderator answers from the console: the page collects it by polling.
        String author = (String) browser.script("return localStorage.getItem('sportello.ats-milano.author')");
        assertThat(author).matches("web:[A-Za-z0-9_-]{24,64}");
        server.stores().outbox().enqueue(OutboxItem.draft("ats-milano", Channel.WEB, OutboxKind.REPLY, author,
                Optional.empty(), Optional.of("Buongiorno, le rispondo io.\nDettagli: https://www.ats-milano.it/contatti."),
                server.sportello().clock().instant()));
        WebElement operator = browser.await("the operator's reply", WAIT, () -> first("#log .msg-operator"));
        assertThat(operator.findElement(By.className("who")).getText()).isEqualTo("Operatore");
        assertThat(operator.findElements(By.cssSelector(".text br"))).hasSize(1);
        assertThat(operator.findElement(By.tagName("a")).getAttribute("href")).isEqualTo("https://www.ats-milano.it/contatti");
        browser.screenshot("chat-operator");

        // A reload keeps the conversation and shows the operator's reply once.
        driver.navigate().refresh();
        browser.await("the conversation restored", WAIT, () -> messages("msg").size() == 5);
        sleep(Duration.ofSeconds(2));
        assertThat(messages("msg-operator")).hasSize(1);
        assertThat(messages("msg")).hasSize(5);
    }

    @Test
    void fitsAPhoneScreenWithoutSideScrolling() {
        browser.phone(360, 740);
        driver.get(server.baseUrl() + "/chat/asst-crema");
        assertThat((Long) browser.script("return window.innerWidth")).isEqualTo(360L);
        browser.screenshot("chat-mobile-start");
        WebElement input = driver.findElement(By.id("domanda"));
        assertThat(input.getCssValue("font-size")).isEqualTo("16px");
        assertThat(driver.findElement(By.cssSelector("label[for=domanda]")).isDisplayed()).isTrue();
        int before = messages("msg-bot").size();
        input.sendKeys("Come si prenota una visita con il CUP?", Keys.ENTER);
        browser.await("the bot's answer", WAIT, () -> messages("msg-bot").size() > before);
        assertThat((Boolean) browser.script(
                "return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        browser.screenshot("chat-mobile");
        driver.get(server.baseUrl() + "/");
        assertThat((Boolean) browser.script(
                "return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        browser.screenshot("chat-index-mobile");
        driver.get(server.baseUrl() + "/chat/nessuno");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Pagina non trovata");
        browser.screenshot("chat-not-found-mobile");
    }

    @Test
    void resendsOnceWithTheSameIdWhenTheAnswerIsLostOnTheWay() {
        browser.window(1024, 900);
        driver.get(server.baseUrl() + "/chat/asst-crema");
        // The first POST reaches the server but its answer never comes back, as on a dropped connection.
        browser.script("""
                window.sentBodies = [];
                var realFetch = window.fetch;
                window.fetch = function (url, init) {
                  if (!init || init.method !== 'POST') { return realFetch.apply(this, arguments); }
                  window.sentBodies.push(init.body);
                  var answer = realFetch.apply(this, arguments);
                  return window.sentBodies.length > 1 ? answer
                      : answer.then(function () { throw new TypeError('connection reset'); });
                };""");
        int before = messages("msg-bot").size();

        driver.findElement(By.id("domanda")).sendKeys("Come si prenota una visita con il CUP?", Keys.ENTER);

        browser.await("the answer after the retry", WAIT, () -> messages("msg-bot").size() > before);
        @SuppressWarnings("unchecked")
        List<String> bodies = (List<String>) browser.script("return window.sentBodies");
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(1)).isEqualTo(bodies.get(0));
        assertThat(messages("msg-bot")).hasSize(before + 1);
        assertThat(driver.findElements(By.cssSelector("#log .failed"))).isEmpty();
        assertThat(driver.findElement(By.id("errore")).isDisplayed()).isFalse();
    }

    @Test
    void saysInItalianWhenTheCitizenSendsTooMuch(@TempDir Path limitedData) {
        try (Server limited = Server.start(new Server.Settings(Path.of("."), limitedData, "127.0.0.1", 0,
                DatabaseConfig.embedded(limitedData), 3, 60, Duration.ofSeconds(2)), Clock.systemUTC(), it.sportello.Fixtures.TRAINER)) {
            browser.window(1024, 900);
            driver.get(limited.baseUrl() + "/chat/ats-milano");
            WebElement input = driver.findElement(By.id("domanda"));
            WebElement send = driver.findElement(By.cssSelector("#modulo button[type=submit]"));
            WebElement error = driver.findElement(By.id("errore"));
            for (int i = 1; i <= 10 && !error.isDisplayed(); i++) {
                int answers = messages("msg-bot").size();
                input.sendKeys("Orari del CUP " + i);
                send.click();
                assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("domanda");
                browser.await("an answer or an error", WAIT,
                        () -> messages("msg-bot").size() > answers || error.isDisplayed());
            }

            assertThat(error.getText()).matches("Hai inviato molti messaggi: riprova tra \\d+ second[oi]\\.");
            List<WebElement> mine = messages("msg-user");
            WebElement refused = mine.get(mine.size() - 1);
            assertThat(refused.findElement(By.className("failed")).getText()).isEqualTo("Non inviato");
            assertThat(input.getAttribute("value")).isEqualTo(refused.findElement(By.className("text")).getText());
            browser.screenshot("chat-rate-limited");
        }
    }

    private static List<WebElement> messages(String className) {
        return driver.findElements(By.cssSelector("#log ." + className));
    }

    private static WebElement first(String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0);
    }

    private static void assertNoAlert() {
        try {
            driver.switchTo().alert();
            throw new AssertionError("an alert opened: the payload ran");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
