package it.sportello.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.contract.Channel;
import it.sportello.intake.Receipt;
import it.sportello.store.AuditAction;
import it.sportello.store.AuditEntry;
import it.sportello.store.Ban;
import it.sportello.store.BanStatus;
import it.sportello.store.Escalation;
import it.sportello.store.EscalationStatus;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxKind;
import it.sportello.store.Priority;
import it.sportello.store.Resolution;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a moderator does from an item page, and what follows in the store, the outbox and the audit log. */
class ConsoleActionsTest {

    static final String QUESTION = "Vorrei sapere gli orari della piscina comunale";
    static final List<String> INSULTS = List.of("Siete degli incompetenti e dei ladri", "siete dei buffoni incapaci",
            "vergognatevi, branco di idioti");

    @TempDir
    static Path data;
    static ConsoleServer console;

    @BeforeAll
    static void start() {
        console = ConsoleServer.start(data);
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @BeforeEach
    void onDuty() {
        console.clock.set(ConsoleServer.ON_DUTY);
    }

    private static Escalation reload(Escalation e) {
        return console.stores().escalations().find(e.id()).orElseThrow();
    }

    private static List<OutboxItem> outbox(Escalation e) {
        return console.stores().outbox().ofMessage(e.message().id());
    }

    private static Optional<AuditEntry> audited(AuditAction action, String target) {
        return console.stores().audit().recent(Optional.empty(), 1000).stream()
                .filter(a -> a.action() == action && a.target().equals(Optional.of(target))).findFirst();
    }

    private static Browser.Page act(Browser b, Escalation e, String action, Map<String, String> form) {
        return b.submit(ConsoleServer.itemPath(e), ConsoleServer.itemPath(e) + "/" + action, form);
    }

    /** Three insults within 30 days from one author: the third proposes a ban on ats-milano. */
    private static Escalation banProposal(String author) {
        Receipt last = null;
        for (String insult : INSULTS) {
            last = console.receive("ats-milano", author, insult);
        }
        Escalation e = console.escalation(last);
        assertThat(e.priority()).isEqualTo(Priority.BAN_PROPOSED);
        return e;
    }

    @Test
    void claimTakesTheItemOnceAndTheQueueSaysWho() {
        Escalation e = console.escalation(console.receive("ats-milano", ConsoleServer.webAuthor("claim"), QUESTION));
        Browser anna = console.browser().loggedInAs("anna");
        Browser.Page done = act(anna, e, "claim", Map.of());
        assertThat(done.status()).isEqualTo(303);
        assertThat(done.location()).isEqualTo(ConsoleServer.itemPath(e) + "?esito=presa");
        Browser.Page item = anna.get(done.location());
        assertThat(item.doc().select(".flash").text()).isEqualTo("Hai preso in carico la segnalazione.");
        assertThat(item.doc().select("dl.facts").text()).contains("Presa in carico anna");
        assertThat(item.doc().select("button").eachText()).doesNotContain("Prendi in carico").contains("Rispondi");
        assertThat(reload(e).status()).isEqualTo(EscalationStatus.CLAIMED);
        assertThat(reload(e).claimedBy()).contains("anna");
        assertThat(audited(AuditAction.CLAIM, "escalation:" + e.id())).hasValueSatisfying(a -> {
            assertThat(a.actor()).isEqualTo("anna");
            assertThat(a.tenant()).contains("ats-milano");
        });

        Browser dora = console.browser().loggedInAs("dora");
        Browser.Page again = dora.post(ConsoleServer.itemPath(e) + "/claim",
                Map.of("_csrf", dora.get("/console/ats-milano/queue").csrf()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.doc().select(".error").text()).contains("già stata presa in carico da anna");

        Element row = anna.get("/console/ats-milano/queue").doc()
                .select("tr:has(a[href=" + ConsoleServer.itemPath(e) + "])").first();
        assertThat(row.select("td").eachText()).contains("In carico", "anna");
    }

    @Test
    void aReplyGoesToTheAuthorsWebChatAndClosesTheItem() throws Exception {
        String author = ConsoleServer.webAuthor("reply-author");
        Escalation e = console.escalation(console.receive("ats-milano", author, QUESTION));
        Browser anna = console.browser().loggedInAs("anna");

        assertThat(act(anna, e, "reply", Map.of("text", "   ")).status()).isEqualTo(400);
        Browser.Page tooLong = act(anna, e, "reply", Map.of("text", "a".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.doc().select(".error").text()).contains("da 1 a 2000 caratteri");
        assertThat(reload(e).status()).isEqualTo(EscalationStatus.OPEN);

        String text = "Gli orari delle piscine comunali sono sul sito del Comune di Milano.";
        Browser.Page done = act(anna, e, "reply", Map.of("text", text));
        assertThat(done.status()).isEqualTo(303);
        assertThat(anna.get(done.location()).doc().select(".flash").text()).startsWith("Risposta inviata");

        Escalation closed = reload(e);
        assertThat(closed.status()).isEqualTo(EscalationStatus.ANSWERED);
        assertThat(closed.resolution()).contains(Resolution.REPLIED);
        assertThat(closed.answer()).contains(text);
        assertThat(closed.closedBy()).contains("anna");
        assertThat(outbox(e)).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(OutboxKind.REPLY);
            assertThat(o.channel()).isEqualTo(Channel.WEB);
            assertThat(o.recipient()).isEqualTo(author);
            assertThat(o.text()).contains(text);
        });
        assertThat(audited(AuditAction.REPLY, "escalation:" + e.id())).isPresent();
        assertThat(audited(AuditAction.REPLY, "escalation:" + e.id()).get().detail().orElse("")).doesNotContain(text);

        HttpResponse<String> replies = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(console.server.baseUrl() + "/api/v1/replies?author=" + author)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode list = new ObjectMapper().readTree(replies.body()).get("replies");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("text").asText()).isEqualTo(text);

        Browser.Page item = anna.get(ConsoleServer.itemPath(e));
        assertThat(item.doc().select("blockquote.reply").eachText()).contains(text);
        assertThat(item.doc().select("form[action$=/reply]")).isEmpty();
        Browser.Page late = act(anna, e, "dismiss", Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.doc().select(".error").text()).contains("già chiusa");
    }

    @Test
    void dismissClosesWithoutWritingToAnyone() {
        Escalation e = console.escalation(console.receive("ats-milano", ConsoleServer.webAuthor("dismiss"), QUESTION));
        Browser anna = console.browser().loggedInAs("anna");
        assertThat(act(anna, e, "dismiss", Map.of()).status()).isEqualTo(303);
        assertThat(reload(e).status()).isEqualTo(EscalationStatus.DISMISSED);
        assertThat(reload(e).resolution()).contains(Resolution.DISMISSED);
        assertThat(outbox(e)).isEmpty();
        assertThat(audited(AuditAction.DISMISS, "escalation:" + e.id())).isPresent();
    }

    @Test
    void restoringAHiddenPostTellsItsChannel() {
        Escalation e = console.escalation(console.receive("ats-milano", Channel.FACEBOOK, "fb:7001", INSULTS.get(0)));
        assertThat(outbox(e)).extracting(OutboxItem::kind).contains(OutboxKind.HIDE);
        Browser anna = console.browser().loggedInAs("anna");
        assertThat(anna.get(ConsoleServer.itemPath(e)).doc().select("button").eachText()).contains("Ripristina il post");
        assertThat(act(anna, e, "restore", Map.of()).status()).isEqualTo(303);
        assertThat(reload(e).resolution()).contains(Resolution.RESTORED);
        assertThat(outbox(e)).filteredOn(o -> o.kind() == OutboxKind.RESTORE).singleElement().satisfies(o -> {
            assertThat(o.channel()).isEqualTo(Channel.FACEBOOK);
            assertThat(o.recipient()).isEqualTo("fb:7001");
        });
        assertThat(audited(AuditAction.RESTORE, "escalation:" + e.id())).isPresent();

        Escalation question = console.escalation(console.receive("ats-milano", ConsoleServer.webAuthor("norestore"), QUESTION));
        assertThat(anna.get(ConsoleServer.itemPath(question)).doc().select("button").eachText())
                .doesNotContain("Ripristina il post");
        assertThat(act(anna, question, "restore", Map.of()).status()).isEqualTo(409);
        assertThat(reload(question).status()).isEqualTo(EscalationStatus.OPEN);
    }

    @Test
    void confirmingABanBlocksTheAuthorAndItCanBeLiftedFromTheirHistory() {
        String author = ConsoleServer.webAuthor("ban-confirm");
        Escalation e = banProposal(author);
        Browser anna = console.browser().loggedInAs("anna");
        Browser.Page item = anna.get(ConsoleServer.itemPath(e));
        assertThat(item.doc().select("button").eachText()).contains("Conferma ban", "Respingi ban");
        assertThat(item.doc().select("table.strikes tbody tr")).hasSize(3);

        assertThat(act(anna, e, "ban-confirm", Map.of()).status()).isEqualTo(303);
        Ban ban = console.stores().bans().forMessage(e.message().id()).orElseThrow();
        assertThat(ban.status()).isEqualTo(BanStatus.CONFIRMED);
        assertThat(ban.decidedBy()).contains("anna");
        assertThat(reload(e).resolution()).contains(Resolution.BAN_CONFIRMED);
        assertThat(outbox(e)).filteredOn(o -> o.kind() == OutboxKind.BAN).singleElement()
                .satisfies(o -> assertThat(o.recipient()).isEqualTo(author));
        assertThat(audited(AuditAction.BAN_CONFIRM, "escalation:" + e.id())).isPresent();
        assertThat(act(anna, e, "ban-confirm", Map.of()).status()).isEqualTo(409);

        Browser.Page closed = anna.get(ConsoleServer.itemPath(e));
        Element lift = closed.doc().select("table.bans form").first();
        assertThat(lift.select("button").text()).isEqualTo("Revoca ban");
        Browser.Page lifted = anna.post(lift.attr("action"), Map.of("_csrf", closed.csrf(),
                "item", lift.select("input[name=item]").attr("value")));
        assertThat(lifted.status()).isEqualTo(303);
        assertThat(lifted.location()).isEqualTo(ConsoleServer.itemPath(e) + "?esito=ban-revocato");
        assertThat(console.stores().bans().find(ban.id()).orElseThrow().status()).isEqualTo(BanStatus.LIFTED);
        assertThat(anna.get(lifted.location()).doc().select("table.bans tbody tr").first().select("td").last().text())
                .isEqualTo("Revocato da anna, 25/11/2026 10:30");
        assertThat(outbox(e)).filteredOn(o -> o.kind() == OutboxKind.UNBAN).singleElement()
                .satisfies(o -> assertThat(o.recipient()).isEqualTo(author));
        assertThat(audited(AuditAction.BAN_LIFT, "ban:" + ban.id())).isPresent();
        assertThat(anna.post(lift.attr("action"), Map.of("_csrf", closed.csrf())).status()).isEqualTo(409);
    }

    @Test
    void rejectingABanLeavesTheAuthorFree() {
        Escalation e = banProposal(ConsoleServer.webAuthor("ban-reject"));
        Browser anna = console.browser().loggedInAs("anna");
        assertThat(act(anna, e, "ban-reject", Map.of()).status()).isEqualTo(303);
        assertThat(console.stores().bans().forMessage(e.message().id()).orElseThrow().status())
                .isEqualTo(BanStatus.REJECTED);
        assertThat(reload(e).status()).isEqualTo(EscalationStatus.DISMISSED);
        assertThat(reload(e).resolution()).contains(Resolution.BAN_REJECTED);
        assertThat(outbox(e)).noneMatch(o -> o.kind() == OutboxKind.BAN);
        assertThat(audited(AuditAction.BAN_REJECT, "escalation:" + e.id())).isPresent();
    }

    @Test
    void aBanActionWithoutAProposalIsRefused() {
        Escalation e = console.escalation(console.receive("ats-milano", ConsoleServer.webAuthor("noban"), QUESTION));
        Browser anna = console.browser().loggedInAs("anna");
        assertThat(anna.get(ConsoleServer.itemPath(e)).doc().select("button").eachText()).doesNotContain("Conferma ban");
        assertThat(act(anna, e, "ban-confirm", Map.of()).status()).isEqualTo(409);
        assertThat(reload(e).status()).isEqualTo(EscalationStatus.OPEN);
    }

    @Test
    void theQueuePutsEmergenciesFirstThenByPriorityThenOldest() {
        console.receive("asst-crema", ConsoleServer.webAuthor("order-1"), QUESTION);
        console.clock.advance(java.time.Duration.ofMinutes(1));
        console.receive("asst-crema", ConsoleServer.webAuthor("order-2"), INSULTS.get(0));
        console.clock.advance(java.time.Duration.ofMinutes(1));
        console.receive("asst-crema", ConsoleServer.webAuthor("order-3"), QUESTION + " di Crema");
        console.clock.advance(java.time.Duration.ofMinutes(1));
        console.receive("asst-crema", ConsoleServer.webAuthor("order-4"), "Mio padre è svenuto e non respira");

        Browser dora = console.browser().loggedInAs("dora");
        Browser.Page queue = dora.get("/console/asst-crema/queue");
        assertThat(queue.doc().select("table.queue tbody tr .badge").eachText())
                .containsExactly("Emergenza", "Post nascosto", "Domanda", "Domanda");
        assertThat(queue.doc().select("table.queue tbody th a").eachText().get(2)).isEqualTo(QUESTION);
        assertThat(queue.doc().select("ul.counts li").eachText())
                .containsExactly("Emergenza: 1", "Ban proposto: 0", "Post nascosto: 1", "Domanda: 2");
        assertThat(dora.get("/console/asst-crema/queue?reason=insult").doc().select("table.queue tbody tr")).hasSize(1);
        assertThat(dora.get("/console/asst-crema/queue?status=answered").doc().select("table.queue")).isEmpty();
    }

    @Test
    void theWaitIsCountedInModerationHoursOnly() {
        // Friday 27 November 2026, 16:00 in Milan: one hour of duty left that day.
        console.clock.set(Instant.parse("2026-11-27T15:00:00Z"));
        Escalation e = console.escalation(console.receive("ats-milano", ConsoleServer.webAuthor("weekend"), QUESTION));
        // Monday 30 November, 11:00: one more hour of duty; the weekend does not count.
        console.clock.set(Instant.parse("2026-11-30T10:00:00Z"));
        Browser anna = console.browser().loggedInAs("anna");
        Element row = anna.get("/console/ats-milano/queue").doc()
                .select("tr:has(a[href=" + ConsoleServer.itemPath(e) + "])").first();
        assertThat(row.select("td.waiting").text()).isEqualTo("2 h 00 min");
        assertThat(row.select("td").eachText()).contains("27/11/2026 16:00", "Chat web", "Risposta incerta", "Da gestire");
    }
}
