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
import it.sportello.store.BanStatus;
import it.sportello.store.Database;
import it.sportello.store.DatabaseConfig;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxKind;
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
 * Outside moderation hours on a platform channel: the bot still answers and hides, tells the citizen when
 * moderators are back for what only they can do, and never carries out a ban by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutOfHoursTest {

    /** Saturday 28 November 2026, 22:00 in Milan: ATS Milano's moderators are back on Monday at 10:00. */
    private static final Instant SATURDAY_NIGHT = Instant.parse("2026-11-28T21:00:00Z");

    private Database database;
    private Sportello sportello;
    private Stores stores;
    private Intake intake;

    @BeforeAll
    void start() {
        Clock clock = Clock.fixed(SATURDAY_NIGHT, ZoneId.of("Europe/Rome"));
        database = Database.open(DatabaseConfig.inMemory("hours-" + UUID.randomUUID()));
        stores = database.stores();
        sportello = Sportello.start(Path.of("."), clock, stores.strikes(), stores.posts(), Fixtures.TRAINER);
        intake = new Intake(sportello.responder(), sportello.personalData(), stores.messages(), stores.transactions(),
                clock);
    }

    @AfterAll
    void stop() {
        sportello.close();
        database.close();
    }

    private Receipt comment(String id, String author, String text) {
        return intake.receive(new Message(id, "ats-milano", Channel.TELEGRAM, Kind.COMMENT, author,
                OffsetDateTime.ofInstant(SATURDAY_NIGHT, ZoneId.of("Europe/Rome")), text));
    }

    private List<OutboxKind> outbox(Receipt r) {
        return stores.outbox().ofMessage(r.messageId()).stream().map(OutboxItem::kind).toList();
    }

    @Test
    void aCoveredQuestionIsStillAnsweredAtOnce() {
        Receipt r = comment("-100:1", "tg:101", "Come si cambia il medico di famiglia?");

        Decision d = r.decision().orElseThrow();
        assertThat(d.action()).isEqualTo(Action.ANSWER);
        assertThat(d.reasons()).contains(Reason.OUT_OF_HOURS);
        assertThat(outbox(r)).containsExactly(OutboxKind.REPLY);
    }

    @Test
    void anInsultIsStillHiddenAndWarned() {
        Receipt r = comment("-100:2", "tg:102", "Siete degli incapaci e dei buffoni, vergognatevi");

        Decision d = r.decision().orElseThrow();
        assertThat(d.action()).isEqualTo(Action.MODERATE);
        assertThat(d.sanction()).isEqualTo(Sanction.WARNING);
        assertThat(outbox(r)).containsExactly(OutboxKind.HIDE, OutboxKind.REPLY);
    }

    @Test
    void whatOnlyAModeratorCanDoSaysWhenTheyAreBack() {
        Receipt question = comment("-100:3", "tg:103", "A che ora passa il tram 9 la domenica mattina?");
        Receipt emergency = comment("-100:4", "tg:104", "Mio padre è svenuto e non respira, aiuto");

        assertThat(question.decision().orElseThrow().action()).isEqualTo(Action.ESCALATE);
        assertThat(question.decision().orElseThrow().reply()).contains("lunedì 30 novembre alle 10:00");
        assertThat(question.escalation()).isPresent();
        Decision urgent = emergency.decision().orElseThrow();
        assertThat(urgent.action()).isEqualTo(Action.EMERGENCY);
        assertThat(urgent.reply()).contains("112").contains("lunedì 30 novembre alle 10:00");
    }

    @Test
    void aBanIsProposedForAModeratorAndNeverCarriedOut() {
        Receipt last = null;
        for (int i = 0; i < 3; i++) {
            last = comment("-100:1" + i, "tg:105", "Siete dei buffoni incapaci, vergognatevi " + i);
        }

        assertThat(last.decision().orElseThrow().sanction()).isEqualTo(Sanction.BAN_PROPOSED);
        assertThat(stores.bans().ofAuthor("ats-milano", "tg:105")).singleElement()
                .satisfies(b -> assertThat(b.status()).isEqualTo(BanStatus.PROPOSED));
        assertThat(stores.outbox().pending(Channel.TELEGRAM, 1000)).extracting(OutboxItem::kind)
                .doesNotContain(OutboxKind.BAN);
    }
}
