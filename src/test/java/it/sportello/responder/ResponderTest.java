package it.sportello.responder;

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
import java.time.Clock;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline end to end over the shipped configuration and knowledge bases. */
class ResponderTest {

    private static final String WEDNESDAY_11 = "2026-11-25T11:00:00+01:00";
    private static Sportello sportello;

    @BeforeAll
    static void start() {
        sportello = Sportello.start(Fixtures.HOME, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        sportello.close();
    }

    @Test
    void aCoveredQuestionIsAnsweredWithTheSectionLinkAndAGeneralInformationNote() {
        Decision d = decide("ats-milano", WEDNESDAY_11, "Come faccio a cambiare il medico di famiglia?");

        assertThat(d.action()).isEqualTo(Action.ANSWER);
        assertThat(d.reasons()).isEmpty();
        assertThat(d.hide()).isFalse();
        assertThat(d.sanction()).isEqualTo(Sanction.NONE);
        assertThat(d.sections().get(0).id()).isEqualTo("scelta-revoca-medico");
        assertThat(d.reply()).contains(d.sections().get(0).url()).contains("informazioni di carattere generale")
                .contains(sportello.knowledgeBase("ats-milano").section("scelta-revoca-medico").orElseThrow().summary());
        assertThat(d.confidence()).isGreaterThanOrEqualTo(sportello.tenants().get("ats-milano").retrieval().threshold());
    }

    @Test
    void anUncoveredQuestionIsEscalatedWithTheModerationHours() {
        Decision d = decide("ats-milano", WEDNESDAY_11, "Qualcuno sa se domani piove a Milano?");

        assertThat(d.action()).isEqualTo(Action.ESCALATE);
        assertThat(d.reasons()).containsExactly(Reason.LOW_CONFIDENCE);
        assertThat(d.reply()).contains("operatore").contains("dal lunedì al venerdì dalle 10:00 alle 17:00")
                .doesNotContain("In questo momento");
    }

    @Test
    void outsideTheHoursTheBotStillAnswersAndSaysOutOfHours() {
        Decision d = decide("asst-crema", "2026-11-25T07:45:00+01:00", "Come si prenota una visita al CUP?");

        assertThat(d.action()).isEqualTo(Action.ANSWER);
        assertThat(d.sections().get(0).id()).isEqualTo("prenotazioni-cup");
        assertThat(d.reasons()).containsExactly(Reason.OUT_OF_HOURS);
    }

    @Test
    void anEscalationOutOfHoursSaysWhenModeratorsAreBack() {
        Decision sunday = decide("ats-milano", "2026-11-29T10:30:00+01:00", "Dove posso vedere la partita stasera?");
        Decision santAmbrogio = decide("ats-milano", "2026-12-07T11:00:00+01:00", "Dove posso vedere la partita stasera?");
        Decision cremaSameDay = decide("asst-crema", "2026-12-07T11:00:00+01:00", "Dove posso vedere la partita stasera?");

        assertThat(sunday.reasons()).containsExactly(Reason.LOW_CONFIDENCE, Reason.OUT_OF_HOURS);
        assertThat(sunday.reply()).contains("riprenderà la tua richiesta lunedì 30 novembre alle 10:00");
        assertThat(santAmbrogio.reply()).contains("mercoledì 9 dicembre alle 10:00");
        assertThat(cremaSameDay.reasons()).doesNotContain(Reason.OUT_OF_HOURS);
    }

    @Test
    void courtesyIsAcknowledgedNotSearched() {
        Decision d = decide("asst-crema", WEDNESDAY_11, "Grazie mille per la risposta!! 🙏");
        Decision question = decide("asst-crema", WEDNESDAY_11, "Grazie, ma come si prenota al CUP?");

        assertThat(d.action()).isEqualTo(Action.IGNORE);
        assertThat(d.reply()).startsWith("Grazie a te");
        assertThat(question.action()).isEqualTo(Action.ANSWER);
    }

    @Test
    void theSameQuestionGetsTheSameDecision() {
        Decision a = decide("asst-crema", WEDNESDAY_11, "referti online");
        Decision b = decide("asst-crema", WEDNESDAY_11, "referti online");

        assertThat(a).isEqualTo(b);
    }

    @Test
    void anUnknownTenantIsAnErrorDecision() {
        Decision d = decide("asl-nowhere", WEDNESDAY_11, "ciao");

        assertThat(d.action()).isEqualTo(Action.ERROR);
        assertThat(d.error()).hasValue("unknown tenant 'asl-nowhere'");
    }

    private static Decision decide(String tenant, String time, String text) {
        return sportello.responder().decide(new Message("t1", tenant, Channel.FACEBOOK, Kind.COMMENT, "fb:1",
                OffsetDateTime.parse(time), text));
    }
}
