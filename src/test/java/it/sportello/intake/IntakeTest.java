package it.sportello.intake;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.Fixtures;
import it.sportello.app.Sportello;
import it.sportello.contract.Action;
import it.sportello.contract.Channel;
import it.sportello.contract.Decision;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.contract.Reason;
import it.sportello.contract.Sanction;
import it.sportello.store.Database;
import it.sportello.store.DatabaseConfig;
import it.sportello.store.Escalation;
import it.sportello.store.MessageStatus;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxKind;
import it.sportello.store.Priority;
import it.sportello.store.StoredMessage;
import it.sportello.store.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The path of a message through redaction, the store and the responder, on a real (in-memory H2) store.
 * One store for the class (building Sportello takes seconds): each test uses its own ids and authors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeTest {

    /** A Wednesday at 11:00 in Milan: moderators on duty. */
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private Database database;
    private Sportello sportello;
    private Stores stores;
    private Intake intake;

    @BeforeAll
    void start() {
        Clock clock = Clock.fixed(NOW, ZoneId.of("Europe/Rome"));
        database = Database.open(DatabaseConfig.inMemory("intake-" + UUID.randomUUID()));
        stores = database.stores();
        sportello = Sportello.start(Path.of("."), clock, stores.strikes(), stores.posts(), Fixtures.TRAINER);
        intake = new Intake(sportello.responder(), sportello.personalData(), stores.messages(),
                stores.transactions(), clock);
    }

    @AfterAll
    void stop() {
        sportello.close();
        database.close();
    }

    static Message message(String id, Channel channel, Kind kind, String author, String text) {
        return new Message(id, "ats-milano", channel, kind, author, OffsetDateTime.ofInstant(NOW, ZoneId.of("Europe/Rome")),
                text);
    }

    private StoredMessage stored(Receipt r) {
        return stores.messages().find(r.messageId()).orElseThrow();
    }

    @Test
    void anAnsweredQuestionIsStoredDecidedAndNotEscalated() {
        Receipt r = intake.receive(message("w1", Channel.WEB, Kind.MESSAGE, "web:aaaaaaaaaaaaaaaa",
                "Come si cambia il medico di famiglia?"));

        assertThat(r.decision()).map(Decision::action).contains(Action.ANSWER);
        assertThat(r.escalation()).isEmpty();
        StoredMessage s = stored(r);
        assertThat(s.status()).isEqualTo(MessageStatus.DECIDED);
        assertThat(s.decision()).isEqualTo(r.decision());
        assertThat(stores.outbox().ofMessage(r.messageId())).isEmpty();
    }

    @Test
    void personalDataNeverReachesTheStore() {
        Receipt r = intake.receive(message("w2", Channel.WEB, Kind.MESSAGE, "web:aaaaaaaaaaaaaaaa",
                "Sono Mario, il mio numero è 333 1234567 e la mail mario.rossi@gmail.com: come si prenota una visita?"));

        StoredMessage s = stored(r);
        assertThat(s.message().text()).doesNotContain("1234567").doesNotContain("mario.rossi").contains("[***]");
        assertThat(s.personalData()).isTrue();
        assertThat(s.decision().orElseThrow().reasons()).contains(Reason.PERSONAL_DATA);
    }

    @Test
    void aRetriedDeliveryIsAnsweredFromTheStoreAndNotProcessedAgain() {
        Message m = message("w3", Channel.WEB, Kind.MESSAGE, "web:aaaaaaaaaaaaaaaa", "A che ora apre il mercato rionale domani?");
        Receipt first = intake.receive(m);
        Receipt retry = intake.receive(m);

        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.messageId()).isEqualTo(first.messageId());
        assertThat(retry.decision()).isEqualTo(first.decision());
        assertThat(first.escalation()).isPresent();
        assertThat(stores.escalations().forMessage(first.messageId())).map(Escalation::id).isEqualTo(first.escalation());
    }

    @Test
    void escalationsOpenForQuestionsEmergenciesAndModeration() {
        Receipt question = intake.receive(message("e1", Channel.WEB, Kind.MESSAGE, "web:aaaaaaaaaaaaaaaa",
                "Quando riapre la piscina comunale di Rozzano?"));
        Receipt emergency = intake.receive(message("e2", Channel.WEB, Kind.MESSAGE, "web:bbbbbbbbbbbbbbbb",
                "Mio padre è svenuto e non respira, cosa faccio?"));
        Receipt insult = intake.receive(message("e3", Channel.FACEBOOK, Kind.COMMENT, "fb:1",
                "Siete una massa di incompetenti e ladri"));

        assertThat(question.decision().orElseThrow().action()).isEqualTo(Action.ESCALATE);
        assertThat(emergency.decision().orElseThrow().action()).isEqualTo(Action.EMERGENCY);
        assertThat(insult.decision().orElseThrow().action()).isEqualTo(Action.MODERATE);
        List<Long> mine = List.of(question.messageId(), emergency.messageId(), insult.messageId());
        List<Escalation> queue = stores.escalations().queue(it.sportello.store.QueueFilter.pending("ats-milano"));
        assertThat(queue).filteredOn(e -> mine.contains(e.message().id())).extracting(Escalation::priority)
                .containsExactly(Priority.EMERGENCY, Priority.MODERATION, Priority.QUESTION);
    }

    @Test
    void aPublicPostOnAPlatformIsHiddenAndAnsweredThroughTheOutbox() {
        Receipt insult = intake.receive(message("p1", Channel.FACEBOOK, Kind.COMMENT, "fb:7",
                "Siete una massa di incompetenti e ladri"));

        assertThat(insult.decision().orElseThrow().hide()).isTrue();
        assertThat(stores.outbox().ofMessage(insult.messageId())).extracting(OutboxItem::kind)
                .containsExactly(OutboxKind.HIDE, OutboxKind.REPLY);
        assertThat(stores.outbox().ofMessage(insult.messageId())).allMatch(i -> i.recipient().equals("fb:7"));
    }

    @Test
    void theThirdViolationProposesABanToTheModerators() {
        String[] insults = {"Siete una massa di incompetenti e ladri", "Buffoni, vergognatevi", "Incompetenti, fate schifo"};
        Receipt last = null;
        for (int i = 0; i < insults.length; i++) {
            last = intake.receive(message("s" + i, Channel.FACEBOOK, Kind.COMMENT, "fb:9", insults[i]));
        }
        assertThat(last.decision().orElseThrow().sanction()).isEqualTo(Sanction.BAN_PROPOSED);
        assertThat(stores.bans().forMessage(last.messageId())).isPresent();
        assertThat(stores.escalations().forMessage(last.messageId())).map(Escalation::priority)
                .contains(Priority.BAN_PROPOSED);
    }

    @Test
    void aMessageStoredButNotDecidedIsDecidedAtTheNextStart() {
        Message raw = message("r1", Channel.FACEBOOK, Kind.COMMENT, "fb:3",
                "Chiamatemi al 333 1234567, come si prenota una visita?");
        Message redacted = raw.withText(sportello.personalData().redact(raw.text()).text());
        long id = stores.messages().accept(redacted, true, NOW).stored().id();

        assertThat(intake.recover()).isGreaterThanOrEqualTo(1);

        StoredMessage s = stores.messages().find(id).orElseThrow();
        assertThat(s.status()).isEqualTo(MessageStatus.DECIDED);
        Decision d = s.decision().orElseThrow();
        assertThat(d.reasons()).contains(Reason.PERSONAL_DATA);
        assertThat(d.hide()).isTrue();
        assertThat(intake.recover()).isZero();
    }

    @Test
    void aFixedReplyIsStoredWithItsOutboxItemAndARedeliveryIsNotAnsweredAgain() {
        Message command = message("-100:5", Channel.TELEGRAM, Kind.COMMENT, "tg:55", "/start mi chiamo 333 1234567");
        Receipt first = intake.acknowledge(command, "Ciao, sono il bot.");
        Receipt again = intake.acknowledge(command, "Ciao, sono il bot.");

        assertThat(first.duplicate()).isFalse();
        assertThat(first.decision()).hasValueSatisfying(d -> {
            assertThat(d.action()).isEqualTo(Action.IGNORE);
            assertThat(d.reply()).isEqualTo("Ciao, sono il bot.");
            assertThat(d.reasons()).containsExactly(Reason.PERSONAL_DATA);
        });
        assertThat(first.escalation()).isEmpty();
        StoredMessage s = stored(first);
        assertThat(s.status()).isEqualTo(MessageStatus.DECIDED);
        assertThat(s.message().text()).doesNotContain("1234567");
        assertThat(again.duplicate()).isTrue();
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(stores.outbox().ofMessage(first.messageId())).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(OutboxKind.REPLY);
            assertThat(i.recipient()).isEqualTo("tg:55");
            assertThat(i.text()).contains("Ciao, sono il bot.");
        });
    }
}
