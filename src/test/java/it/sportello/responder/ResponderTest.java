package it.sportello.responder;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.Fixtures;
import it.sportello.app.Sportello;
import it.sportello.guard.InMemoryPostHistory;
import it.sportello.guard.InMemoryStrikeStore;
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
    private static final java.util.concurrent.atomic.AtomicInteger AUTHORS = new java.util.concurrent.atomic.AtomicInteger();
    private static Sportello sportello;

    @BeforeAll
    static void start() {
        sportello = Sportello.start(Fixtures.HOME, Clock.systemUTC(), new InMemoryStrikeStore(), new InMemoryPostHistory(), Fixtures.TRAINER);
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
        Decision cremaSameDay = decide("asst-crema", "2026-12-07T11:00:00+01:00", "Qualcuno sa se domani piove?");

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
    void anEmergencyGetsOneOneTwoAtOnce() {
        Decision d = decide("ats-milano", "2026-11-29T03:00:00+01:00", "aiuto mio padre ha un forte dolore al petto e suda freddo");

        assertThat(d.action()).isEqualTo(Action.EMERGENCY);
        assertThat(d.reasons()).containsExactly(Reason.EMERGENCY, Reason.OUT_OF_HOURS);
        assertThat(d.reply()).contains("112").contains("116117");
        assertThat(d.sections()).isEmpty();
    }

    @Test
    void personalDataIsHiddenAndNeverRepeated() {
        Decision d = decide("asst-crema", WEDNESDAY_11,
                "Sono Maria Bianchi, cf RSSMRA80A01F205X, cell 347 123 4567: come si chiede la copia della cartella clinica?");

        // a phone number left in public may also read as "call me": answered, or sent to the URP
        assertThat(d.action()).isIn(Action.ANSWER, Action.REDIRECT);
        assertThat(d.sections().get(0).id()).isEqualTo("copia-cartella-clinica");
        assertThat(d.reasons()).contains(Reason.PERSONAL_DATA);
        assertThat(d.hide()).isTrue();
        assertThat(d.reply()).doesNotContain("RSSMRA80A01F205X").doesNotContain("347").doesNotContain("4567");
    }

    @Test
    void aPersonalCaseIsRedirectedWithTheGeneralInformation() {
        Decision d = decide("ats-milano", WEDNESDAY_11,
                "Ho fatto domanda di esenzione per reddito a settembre e non ho più saputo niente, potete controllare la mia pratica?");

        assertThat(d.action()).isEqualTo(Action.REDIRECT);
        assertThat(d.reasons()).contains(Reason.PERSONAL_CASE);
        assertThat(d.reply()).contains("casi personali").contains(sportello.tenants().get("ats-milano").urp().toString());
    }

    @Test
    void netiquetteIsModeratedWithAWarningThenABanProposal() {
        String author = "fb:repeat-offender";
        Decision first = decideAs(author, "2026-11-02T11:00:00+01:00", "siete dei buffoni incompetenti");
        Decision second = decideAs(author, "2026-11-10T11:00:00+01:00", "branco di idioti");
        Decision third = decideAs(author, "2026-11-20T11:00:00+01:00", "vergognatevi pezzi di m*rda");

        assertThat(first.action()).isEqualTo(Action.MODERATE);
        assertThat(first.hide()).isTrue();
        assertThat(first.sanction()).isEqualTo(Sanction.WARNING);
        assertThat(first.reply()).contains("nascosto");
        assertThat(second.sanction()).isEqualTo(Sanction.WARNING);
        assertThat(third.sanction()).isEqualTo(Sanction.BAN_PROPOSED);
        assertThat(third.reply()).contains("blocco");
    }

    @Test
    void aMinorIsToldTheRuleOfTheTenant() {
        Decision crema = decide("asst-crema", WEDNESDAY_11, "ho 17 anni, posso donare il sangue?");
        Decision milano = decide("ats-milano", WEDNESDAY_11, "ho 17 anni, posso andare al consultorio da sola?");

        assertThat(crema.action()).isEqualTo(Action.REDIRECT);
        assertThat(crema.reasons()).containsExactly(Reason.MINOR);
        assertThat(crema.reply()).contains("18 anni").contains("genitore");
        assertThat(milano.reasons()).doesNotContain(Reason.MINOR);
    }

    @Test
    void aRequestForPrivateContactGoesToTheUrp() {
        Decision d = decide("asst-crema", WEDNESDAY_11, "mi potete richiamare per favore?");

        assertThat(d.action()).isEqualTo(Action.REDIRECT);
        assertThat(d.reasons()).contains(Reason.CONTACT_REQUEST);
        assertThat(d.reply()).contains("messaggi privati").contains(sportello.tenants().get("asst-crema").urp().toString());
    }

    @Test
    void anUnknownTenantIsAnErrorDecision() {
        Decision d = decide("asl-nowhere", WEDNESDAY_11, "ciao");

        assertThat(d.action()).isEqualTo(Action.ERROR);
        assertThat(d.error()).hasValue("unknown tenant 'asl-nowhere'");
    }

    private static Decision decideAs(String author, String time, String text) {
        return sportello.responder().decideInTurn(new Message("t1", "ats-milano", Channel.FACEBOOK, Kind.COMMENT, author,
                OffsetDateTime.parse(time), text));
    }

    private static Decision decide(String tenant, String time, String text) {
        // a new author each time: one author repeating a post is moderated at ASST Crema
        return sportello.responder().decide(new Message("t1", tenant, Channel.FACEBOOK, Kind.COMMENT,
                "fb:" + AUTHORS.incrementAndGet(), OffsetDateTime.parse(time), text));
    }
}
