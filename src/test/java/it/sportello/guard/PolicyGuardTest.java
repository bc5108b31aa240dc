package it.sportello.guard;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.Fixtures;
import it.sportello.contract.Action;
import it.sportello.contract.Channel;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.contract.Reason;
import it.sportello.contract.Sanction;
import it.sportello.tenant.TenantConfig;
import it.sportello.tenant.TenantRegistry;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The policy over small lexicons of its own, so that what is tested is precedence, strikes and tenant
 * differences, not the lexicons' coverage (the corpus tests measure that).
 */
class PolicyGuardTest {

    private static final TenantRegistry TENANTS = Fixtures.tenants();
    private static final TenantConfig MILANO = TENANTS.get("ats-milano");
    private static final TenantConfig CREMA = TENANTS.get("asst-crema");
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-25T11:00:00+01:00");

    private final GuardDetectors detectors = new GuardDetectors(
            new PersonalDataDetector(Set.of("ats-milano.it", "asst-crema.it")),
            Lexicon.parse("emergency", "non respira\ndolore al petto"),
            Lexicon.parse("personal-case", "mio figlio & febbre\nla mia pratica"),
            Lexicon.parse("contact-request", "chiamatemi\nscrivetemi in privato"),
            MinorDetector.load(Path.of("config/guard/minor.txt")),
            new NetiquetteDetector(Map.of(
                    Reason.INSULT, Lexicon.parse("insult", "idiot*\nbuffoni"),
                    Reason.SPAM, Lexicon.parse("spam", "offerta imperdibile"),
                    Reason.OFF_TOPIC, Lexicon.parse("off-topic", "partita"))));
    private final PolicyGuard guard = new PolicyGuard(detectors, new InMemoryStrikeStore(), new InMemoryPostHistory());

    @Test
    void aCleanQuestionGoesToRetrieval() {
        Verdict v = inspect(MILANO, "fb:1", T0, Kind.COMMENT, "Come si cambia il medico?");

        assertThat(v.action()).isEmpty();
        assertThat(v.reasons()).isEmpty();
        assertThat(v.hide()).isFalse();
        assertThat(v.text()).isEqualTo("Come si cambia il medico?");
    }

    @Test
    void anEmergencyComesFirstWhateverElseTheMessageHas() {
        Verdict v = inspect(MILANO, "fb:1", T0, Kind.COMMENT, "buffoni!! mio marito non respira, chiamatemi al 3331234567");

        assertThat(v.action()).contains(Action.EMERGENCY);
        assertThat(v.reasons()).containsExactly(Reason.EMERGENCY, Reason.PERSONAL_DATA);
        assertThat(v.hide()).isTrue();
        assertThat(v.sanction()).isEqualTo(Sanction.NONE);
        assertThat(v.text()).doesNotContain("3331234567");
    }

    @Test
    void aViolationIsModeratedEvenIfItAlsoAsks() {
        Verdict v = inspect(MILANO, "fb:2", T0, Kind.COMMENT, "Siete dei buffoni, come si prenota una visita?");

        assertThat(v.action()).contains(Action.MODERATE);
        assertThat(v.reasons()).containsExactly(Reason.INSULT);
        assertThat(v.hide()).isTrue();
        assertThat(v.sanction()).isEqualTo(Sanction.WARNING);
    }

    @Test
    void personalDataAlwaysHidesAPublicPostButNotAPrivateMessage() {
        Verdict comment = inspect(MILANO, "fb:3", T0, Kind.COMMENT, "la mia mail è anna.rossi@libero.it, dove prenoto?");
        Verdict chat = inspect(MILANO, "tg:3", T0, Kind.MESSAGE, "la mia mail è anna.rossi@libero.it, dove prenoto?");
        Verdict contact = inspect(MILANO, "fb:4", T0, Kind.COMMENT, "chiamatemi al 339 876 5432");

        assertThat(comment.action()).isEmpty();
        assertThat(comment.reasons()).containsExactly(Reason.PERSONAL_DATA);
        assertThat(comment.hide()).isTrue();
        assertThat(comment.text()).isEqualTo("la mia mail è [***], dove prenoto?");
        assertThat(chat.hide()).isFalse();
        assertThat(contact.action()).contains(Action.REDIRECT);
        assertThat(contact.reasons()).containsExactly(Reason.CONTACT_REQUEST, Reason.PERSONAL_DATA);
        assertThat(contact.hide()).isTrue();
    }

    @Test
    void redirectsCarryEveryReasonThatApplies() {
        Verdict v = inspect(CREMA, "fb:5", T0, Kind.COMMENT, "Ho 16 anni, la mia pratica è ferma, scrivetemi in privato");

        assertThat(v.action()).contains(Action.REDIRECT);
        assertThat(v.reasons()).containsExactly(Reason.MINOR, Reason.CONTACT_REQUEST, Reason.PERSONAL_CASE);
    }

    @Test
    void theMinimumAgeIsTheTenants() {
        String text = "ho 16 anni e vorrei donare il sangue";

        assertThat(inspect(CREMA, "fb:6", T0, Kind.COMMENT, text).reasons()).contains(Reason.MINOR);
        assertThat(inspect(MILANO, "fb:6", T0, Kind.COMMENT, text).reasons()).doesNotContain(Reason.MINOR);
        assertThat(inspect(MILANO, "fb:7", T0, Kind.COMMENT, "ho 15 anni e vorrei donare il sangue").reasons())
                .contains(Reason.MINOR);
    }

    @Test
    void offTopicAndRepeatedPostsAreModeratedOnlyWhereThePolicySaysSo() {
        String offTopic = "chi guarda la partita stasera?";
        assertThat(inspect(CREMA, "fb:8", T0, Kind.COMMENT, offTopic).reasons()).containsExactly(Reason.OFF_TOPIC);
        assertThat(inspect(MILANO, "fb:8", T0, Kind.COMMENT, offTopic).action()).isEmpty();

        String post = "Quando riapre il CUP di Rivolta?";
        assertThat(inspect(CREMA, "fb:9", T0, Kind.COMMENT, post).action()).isEmpty();
        Verdict again = inspect(CREMA, "fb:9", T0.plusMinutes(5), Kind.COMMENT, "QUANDO RIAPRE IL CUP DI RIVOLTA???");
        assertThat(again.action()).contains(Action.MODERATE);
        assertThat(again.reasons()).containsExactly(Reason.REPEATED);
        assertThat(inspect(CREMA, "fb:10", T0.plusMinutes(6), Kind.COMMENT, post).action()).as("another author").isEmpty();
        assertThat(inspect(CREMA, "fb:11", T0, Kind.COMMENT, post).action()).isEmpty();
        assertThat(inspect(CREMA, "fb:11", T0.plusHours(25), Kind.COMMENT, post).action()).as("after the window").isEmpty();

        assertThat(inspect(MILANO, "fb:12", T0, Kind.COMMENT, post).action()).isEmpty();
        assertThat(inspect(MILANO, "fb:12", T0.plusMinutes(1), Kind.COMMENT, post).action()).as("Milano").isEmpty();
    }

    @Test
    void strikesWarnFirstAndProposeABanAtTheThresholdWithinTheWindow() {
        String insult = "siete degli idioti";

        assertThat(inspect(MILANO, "fb:20", T0, Kind.COMMENT, insult).sanction()).isEqualTo(Sanction.WARNING);
        assertThat(inspect(MILANO, "fb:20", T0.plusDays(1), Kind.COMMENT, insult).sanction()).isEqualTo(Sanction.WARNING);
        assertThat(inspect(MILANO, "fb:20", T0.plusDays(2), Kind.COMMENT, insult).sanction()).isEqualTo(Sanction.BAN_PROPOSED);
        assertThat(inspect(MILANO, "fb:20", T0.plusDays(3), Kind.COMMENT, insult).sanction()).isEqualTo(Sanction.BAN_PROPOSED);
        assertThat(inspect(MILANO, "fb:21", T0.plusDays(3), Kind.COMMENT, insult).sanction()).as("another author")
                .isEqualTo(Sanction.WARNING);
        assertThat(inspect(MILANO, "tg:20", T0.plusDays(3), Kind.COMMENT, insult).sanction()).as("same id, other channel")
                .isEqualTo(Sanction.WARNING);
        assertThat(inspect(CREMA, "fb:20", T0.plusDays(3), Kind.COMMENT, insult).sanction()).as("other tenant")
                .isEqualTo(Sanction.WARNING);
    }

    @Test
    void warningsExpireAfterTheWindow() {
        String insult = "buffoni";

        inspect(MILANO, "fb:30", T0, Kind.COMMENT, insult);
        inspect(MILANO, "fb:30", T0.plusDays(10), Kind.COMMENT, insult);
        Verdict afterWindow = inspect(MILANO, "fb:30", T0.plusDays(31), Kind.COMMENT, insult);
        Verdict withinWindow = inspect(MILANO, "fb:30", T0.plusDays(32), Kind.COMMENT, insult);

        assertThat(afterWindow.sanction()).as("the first strike has expired").isEqualTo(Sanction.WARNING);
        assertThat(withinWindow.sanction()).as("days 10, 31 and 32").isEqualTo(Sanction.BAN_PROPOSED);
    }

    private Verdict inspect(TenantConfig tenant, String author, OffsetDateTime at, Kind kind, String text) {
        Channel channel = author.startsWith("tg:") ? Channel.TELEGRAM : Channel.FACEBOOK;
        return guard.inspect(new Message("m", tenant.id(), channel, kind, author, at, text), tenant);
    }

}
