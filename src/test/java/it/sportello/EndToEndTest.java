package it.sportello;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.app.Server;
import it.sportello.console.auth.Account;
import it.sportello.console.auth.Accounts;
import it.sportello.console.auth.AccountsFile;
import it.sportello.console.auth.PasswordHasher;
import it.sportello.console.auth.Role;
import it.sportello.contract.Channel;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.intake.Receipt;
import it.sportello.store.AuditAction;
import it.sportello.store.AuditEntry;
import it.sportello.store.Ban;
import it.sportello.store.BanStatus;
import it.sportello.store.DatabaseConfig;
import it.sportello.store.Escalation;
import it.sportello.store.EscalationStatus;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxKind;
import it.sportello.store.OutboxStatus;
import it.sportello.store.Priority;
import it.sportello.store.Resolution;
import it.sportello.store.Stores;
import it.sportello.testing.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The whole service as its people use it, in real headless Chromium against a real server: a citizen asks
 * in the web chat, a moderator (in a second browser, with its own cookies) logs in to the console, answers
 * what the bot passed on, and the answer reaches the citizen's chat; then every other console action, each
 * through its own form, checked on the page and in the store. Screenshots go to
 * {@code target/screenshots/e2e-NN-*.png}, in the order of the story. The methods run in order but each
 * logs in again if it has to, so any one of them can run alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String TENANT = "ats-milano";
    static final String MODERATOR = "marta";
    static final String PASSWORD = "password di prova abbastanza lunga";

    static final String COVERED = "Come si cambia il medico di famiglia?";
    static final String UNANSWERABLE = "Il parcheggio dell'ospedale di Niguarda è gratuito la domenica?";
    static final String OPERATOR_REPLY = "Buongiorno, il parcheggio è gestito dall'ospedale:\n"
            + "tariffe e orari sono su https://www.ospedaleniguarda.it";
    /** Markup a citizen may type: the console must show it as text. */
    static final String MARKUP = "Il bar dell'ospedale <b>San Paolo</b> accetta i buoni pasto? "
            + "<script>alert(1)</script>";
    static final List<String> INSULTS = List.of("Siete degli incompetenti e dei ladri", "siete dei buffoni incapaci",
            "vergognatevi, branco di idioti");

    @TempDir
    static Path data;

    private Server server;
    private Browser citizen;
    private Browser moderatorBrowser;
    private ConsoleTab console;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger ids = new AtomicInteger();

    @BeforeAll
    void start() {
        Browser.assumeInstalled();
        PasswordHasher cheap = new PasswordHasher(1000);
        AccountsFile.save(AccountsFile.in(data), new Accounts(List.of(new Account(MODERATOR,
                cheap.hash(PASSWORD.toCharArray()), Set.of(Role.MODERATOR), Set.of(TENANT)))));
        server = Server.start(new Server.Settings(Path.of("."), data, "127.0.0.1", 0, DatabaseConfig.embedded(data),
                600, 600, Duration.ofSeconds(2)), Clock.systemUTC(), it.sportello.Fixtures.TRAINER);
        citizen = Browser.start();
        moderatorBrowser = Browser.start();
        citizen.window(1024, 900);
        moderatorBrowser.window(1280, 1100);
        console = new ConsoleTab(moderatorBrowser, server.baseUrl(), TENANT, MODERATOR, PASSWORD);
    }

    @AfterAll
    void stop() {
        if (moderatorBrowser != null) {
            moderatorBrowser.close();
        }
        if (citizen != null) {
            citizen.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void aCitizensQuestionIsAnsweredByAModeratorInTheChat() {
        WebDriver chat = citizen.driver();
        chat.get(server.baseUrl() + "/chat/" + TENANT);
        WebElement input = chat.findElement(By.id("domanda"));

        input.sendKeys(COVERED, Keys.ENTER);
        WebElement answer = citizen.await("the bot's answer", WAIT, () -> nth(chat, "#log .msg-bot", 0));
        assertThat(answer.findElement(By.className("who")).getText()).isEqualTo("Sportello");
        assertThat(answer.findElements(By.tagName("a"))).extracting(a -> a.getAttribute("href"))
                .contains("https://www.ats-milano.it/cittadini/scelta-e-revoca-del-medico");

        input.sendKeys(UNANSWERABLE, Keys.ENTER);
        WebElement passedOn = citizen.await("the reply to the second question", WAIT,
                () -> nth(chat, "#log .msg-bot", 1));
        assertThat(passedOn.getText()).contains("la passiamo a un operatore");
        citizen.screenshot("e2e-01-citizen-asks");
        String author = (String) citizen.script("return localStorage.getItem('sportello." + TENANT + ".author')");

        // The moderator, in a browser of their own: the console asks for a login first.
        console.get("/console");
        assertThat(console.url()).endsWith("/console/login");
        assertThat(console.text("h1")).isEqualTo("Accesso");
        console.logIn();
        assertThat(audited(AuditAction.LOGIN, null)).isPresent();
        WebElement row = console.queueRow(UNANSWERABLE);
        assertThat(row.findElements(By.tagName("td"))).extracting(WebElement::getText)
                .contains("Chat web", "Da gestire", "—");
        assertThat(row.findElement(By.className("badge")).getText()).isEqualTo("Domanda");
        console.screenshot("e2e-02-console-queue");

        row.findElement(By.cssSelector("th a")).click();
        long id = console.itemId();
        assertThat(console.text(".message")).isEqualTo(UNANSWERABLE);
        // A web author id lets its holder read the replies: the console shows only its start.
        assertThat(console.facts()).contains("Azione Passata a un operatore", "Autore " + author.substring(0, 12) + "…");
        assertThat(console.driver().getPageSource()).doesNotContain(author);
        Escalation opened = escalation(id);
        assertThat(opened.message().message().author()).isEqualTo(author);
        assertThat(opened.status()).isEqualTo(EscalationStatus.OPEN);
        console.fullPage("e2e-03-console-item");

        console.press("Prendi in carico");
        assertThat(console.flash()).isEqualTo("Hai preso in carico la segnalazione.");
        assertThat(console.facts()).anyMatch(f -> f.startsWith("Presa in carico " + MODERATOR));
        assertThat(console.buttons()).doesNotContain("Prendi in carico").contains("Rispondi");
        assertThat(escalation(id).status()).isEqualTo(EscalationStatus.CLAIMED);
        assertThat(escalation(id).claimedBy()).contains(MODERATOR);
        assertThat(audited(AuditAction.CLAIM, "escalation:" + id)).isPresent();
        console.fullPage("e2e-04-claimed");

        console.driver().findElement(By.id("risposta")).sendKeys(OPERATOR_REPLY);
        console.press("Rispondi");
        assertThat(console.flash()).startsWith("Risposta inviata");
        assertThat(console.texts("blockquote.reply")).contains(OPERATOR_REPLY);
        assertThat(console.texts("form[action$='/reply']")).isEmpty();
        Escalation answered = escalation(id);
        assertThat(answered.status()).isEqualTo(EscalationStatus.ANSWERED);
        assertThat(answered.resolution()).contains(Resolution.REPLIED);
        assertThat(answered.answer()).contains(OPERATOR_REPLY);
        assertThat(outbox(answered)).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(OutboxKind.REPLY);
            assertThat(o.channel()).isEqualTo(Channel.WEB);
            assertThat(o.recipient()).isEqualTo(author);
        });
        assertThat(audited(AuditAction.REPLY, "escalation:" + id)).isPresent();
        console.fullPage("e2e-05-replied");

        // The chat polls for operators' replies every 5 s.
        WebElement reply = citizen.await("the operator's reply in the chat", WAIT,
                () -> nth(chat, "#log .msg-operator", 0));
        assertThat(reply.findElement(By.className("who")).getText()).isEqualTo("Operatore");
        // getText() also reads the link's note for screen readers, "(si apre in una nuova scheda)".
        assertThat(reply.findElement(By.className("text")).getText()).startsWith(OPERATOR_REPLY);
        assertThat(reply.findElement(By.tagName("a")).getAttribute("href"))
                .isEqualTo("https://www.ospedaleniguarda.it/");
        assertThat(outbox(answered)).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(OutboxStatus.SENT));
        citizen.screenshot("e2e-06-citizen-sees-reply");
    }

    @Test
    @Order(2)
    void aHiddenCommentIsRestored() {
        Escalation e = escalation(comment("fb:e2e-restore", INSULTS.get(0)));
        assertThat(outbox(e)).extracting(OutboxItem::kind).contains(OutboxKind.HIDE);
        console.openFromQueue(itemPath(e));
        assertThat(console.text(".status .badge")).isEqualTo("Post nascosto");
        assertThat(console.facts()).contains("Canale Facebook", "Tipo Commento pubblico", "Post nascosto sì");

        console.press("Ripristina il post");
        assertThat(console.flash()).isEqualTo("Il post sarà ripristinato sul canale.");
        assertThat(console.facts()).contains("Esito Post ripristinato");
        assertThat(reload(e).status()).isEqualTo(EscalationStatus.ANSWERED);
        assertThat(reload(e).resolution()).contains(Resolution.RESTORED);
        assertThat(outbox(e)).filteredOn(o -> o.kind() == OutboxKind.RESTORE).singleElement().satisfies(o -> {
            assertThat(o.channel()).isEqualTo(Channel.FACEBOOK);
            assertThat(o.recipient()).isEqualTo("fb:e2e-restore");
        });
        assertThat(audited(AuditAction.RESTORE, "escalation:" + e.id())).isPresent();
        console.fullPage("e2e-07-restored");
    }

    @Test
    @Order(3)
    void aProposedBanIsConfirmedThenLiftedFromTheAuthorsHistory() {
        Escalation e = banProposal("fb:e2e-ban");
        console.openFromQueue(itemPath(e));
        assertThat(console.text(".status .badge")).isEqualTo("Ban proposto");
        assertThat(console.rows("table.strikes tbody tr")).hasSize(3);

        console.press("Conferma ban");
        assertThat(console.flash()).isEqualTo("Ban confermato: l'autore sarà bloccato sul canale.");
        assertThat(console.rows("table.bans tbody tr")).singleElement()
                .satisfies(r -> assertThat(r).startsWith("Confermato"));
        Ban ban = stores().bans().forMessage(e.message().id()).orElseThrow();
        assertThat(ban.status()).isEqualTo(BanStatus.CONFIRMED);
        assertThat(ban.decidedBy()).contains(MODERATOR);
        assertThat(reload(e).resolution()).contains(Resolution.BAN_CONFIRMED);
        assertThat(outbox(e)).filteredOn(o -> o.kind() == OutboxKind.BAN).singleElement()
                .satisfies(o -> assertThat(o.recipient()).isEqualTo("fb:e2e-ban"));
        assertThat(audited(AuditAction.BAN_CONFIRM, "escalation:" + e.id())).isPresent();
        console.fullPage("e2e-08-ban-confirmed");

        console.press("Revoca ban");
        assertThat(console.url()).endsWith(itemPath(e) + "?esito=ban-revocato");
        assertThat(console.flash()).isEqualTo("Ban revocato: l'autore sarà sbloccato sul canale.");
        assertThat(console.rows("table.bans tbody tr")).singleElement().satisfies(r -> assertThat(r)
                .startsWith("Revocato").anySatisfy(c -> assertThat(c).startsWith("Revocato da " + MODERATOR + ", ")));
        assertThat(console.buttons()).doesNotContain("Revoca ban");
        assertThat(stores().bans().find(ban.id()).orElseThrow().status()).isEqualTo(BanStatus.LIFTED);
        assertThat(outbox(e)).filteredOn(o -> o.kind() == OutboxKind.UNBAN).singleElement()
                .satisfies(o -> assertThat(o.recipient()).isEqualTo("fb:e2e-ban"));
        assertThat(audited(AuditAction.BAN_LIFT, "ban:" + ban.id())).isPresent();
        console.fullPage("e2e-09-ban-lifted");
    }

    @Test
    @Order(4)
    void anEscalationIsDismissedAndTheCitizensMarkupStaysText() throws Exception {
        String author = "web:e2e-dismiss-0123456789";
        long messageId = ask(author, MARKUP);
        Escalation e = stores().escalations().forMessage(messageId).orElseThrow();
        console.openFromQueue(itemPath(e));
        assertThat(console.text(".message")).isEqualTo(MARKUP);
        assertThat(console.texts("main b, main script")).isEmpty();
        assertNoAlert(console.driver());

        console.press("Archivia");
        assertThat(console.flash()).isEqualTo("Segnalazione archiviata.");
        assertThat(console.text(".status .state")).isEqualTo("Archiviata");
        assertThat(console.buttons()).doesNotContain("Archivia", "Rispondi");
        assertThat(reload(e).status()).isEqualTo(EscalationStatus.DISMISSED);
        assertThat(reload(e).resolution()).contains(Resolution.DISMISSED);
        assertThat(reload(e).closedBy()).contains(MODERATOR);
        assertThat(outbox(e)).isEmpty();
        assertThat(audited(AuditAction.DISMISS, "escalation:" + e.id())).isPresent();
        console.fullPage("e2e-10-dismissed");
    }

    @Test
    @Order(5)
    void aProposedBanIsRejected() {
        Escalation e = banProposal("fb:e2e-reject");
        console.openFromQueue(itemPath(e));
        console.press("Respingi ban");
        assertThat(console.flash()).isEqualTo("Proposta di ban respinta.");
        assertThat(console.facts()).contains("Esito Ban respinto");
        assertThat(console.rows("table.bans tbody tr")).singleElement()
                .satisfies(r -> assertThat(r).startsWith("Respinto"));
        assertThat(stores().bans().forMessage(e.message().id()).orElseThrow().status()).isEqualTo(BanStatus.REJECTED);
        assertThat(reload(e).status()).isEqualTo(EscalationStatus.DISMISSED);
        assertThat(reload(e).resolution()).contains(Resolution.BAN_REJECTED);
        assertThat(outbox(e)).noneMatch(o -> o.kind() == OutboxKind.BAN);
        assertThat(audited(AuditAction.BAN_REJECT, "escalation:" + e.id())).isPresent();
        console.fullPage("e2e-11-ban-rejected");
    }

    @Test
    @Order(6)
    void curatorsSeeTheQuestionsTheBotCouldNotAnswer() throws Exception {
        ask("web:e2e-questions-0123456789", UNANSWERABLE);
        console.queue();
        console.driver().findElement(By.linkText("Domande senza risposta")).click();
        assertThat(console.text("h1")).isEqualTo("Domande senza risposta");
        List<List<String>> rows = console.rows("table.questions tbody tr");
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 2)).containsExactly(UNANSWERABLE, "2"));
        assertThat(rows).anySatisfy(r -> assertThat(r.get(0)).isEqualTo(MARKUP));
        assertThat(rows).noneSatisfy(r -> assertThat(r.get(0)).isEqualTo(COVERED));
        assertNoAlert(console.driver());
        console.screenshot("e2e-12-questions");
    }

    @Test
    @Order(7)
    void theModeratorLogsOut() {
        console.queue();
        console.logOut();
        assertThat(console.url()).endsWith("/console/login?esito=uscito");
        assertThat(console.flash()).isEqualTo("Sei uscito dalla console.");
        assertThat(console.texts("form.logout")).isEmpty();
        assertThat(audited(AuditAction.LOGOUT, null)).isPresent();
        console.screenshot("e2e-13-logged-out");
        console.get("/console/" + TENANT + "/queue");
        assertThat(console.url()).endsWith("/console/login");
    }

    // ---- what citizens send, and the store ----

    /** A question through the web channel's API, as the chat page sends it; the id of the stored message. */
    private long ask(String author, String text) throws Exception {
        String body = new ObjectMapper().createObjectNode().put("id", "e2e-" + ids.incrementAndGet())
                .put("tenant", TENANT).put("channel", "web").put("kind", "message").put("author", author)
                .put("text", text).toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/api/v1/messages")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"escalate\"");
        return Long.parseLong(response.headers().firstValue("X-Sportello-Message").orElseThrow());
    }

    /** A public Facebook comment, handed to the intake as the Facebook adapter does; the bot hides an insult. */
    private Receipt comment(String author, String text) {
        return server.intake().receive(new Message("fb-e2e-" + ids.incrementAndGet(), TENANT, Channel.FACEBOOK,
                Kind.COMMENT, author, OffsetDateTime.now(ZoneOffset.UTC), text));
    }

    /** Three insults from one author: the third proposes a ban. */
    private Escalation banProposal(String author) {
        Receipt last = null;
        for (String insult : INSULTS) {
            last = comment(author, insult);
        }
        Escalation e = escalation(last);
        assertThat(e.priority()).isEqualTo(Priority.BAN_PROPOSED);
        return e;
    }

    private Stores stores() {
        return server.stores();
    }

    private Escalation escalation(Receipt r) {
        return escalation(r.escalation().orElseThrow(() -> new AssertionError("no escalation for " + r)));
    }

    private Escalation escalation(long id) {
        return stores().escalations().find(id).orElseThrow();
    }

    private Escalation reload(Escalation e) {
        return escalation(e.id());
    }

    private List<OutboxItem> outbox(Escalation e) {
        return stores().outbox().ofMessage(e.message().id());
    }

    /** An audit entry by the moderator; {@code target} null for the ones without (login, logout). */
    private Optional<AuditEntry> audited(AuditAction action, String target) {
        return stores().audit().recent(Optional.empty(), 1000).stream()
                .filter(a -> a.action() == action && a.actor().equals(MODERATOR)
                        && a.target().equals(Optional.ofNullable(target)))
                .findFirst();
    }

    private static String itemPath(Escalation e) {
        return "/console/" + e.tenant() + "/items/" + e.id();
    }

    private static WebElement nth(WebDriver driver, String css, int index) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.size() > index ? found.get(index) : null;
    }

    private static void assertNoAlert(WebDriver driver) {
        try {
            driver.switchTo().alert();
            throw new AssertionError("an alert opened: the citizen's markup ran");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }
}
