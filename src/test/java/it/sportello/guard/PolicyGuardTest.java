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
import it.sportello.text.TextNormalizer;
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

    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    private final GuardDetectors detectors = new GuardDetectors(NORMALIZER,
            new PersonalDataDetector(Set.of("ats-milano.it", "asst-crema.it"), NORMALIZER),
            Map.of(GuardClass.EMERGENCY, Lexicon.parse("emergency", "non respira\ndolore al petto"),
                    GuardClass.PERSONAL_CASE, Lexicon.parse("personal-case", "mio figlio & febbre\nla mia pratica"),
                    GuardClass.CONTACT_REQUEST, Lexicon.parse("contact-request", "chiamatemi\nscrivetemi in privato"),
                    GuardClass.INSULT, Lexicon.parse("insult", "idiot*\nbuffoni"),
                    GuardClass.SPAM, Lexicon.parse("spam", "offerta imperdibile"),
                    GuardClass.OFF_TOPIC, Lexicon.parse("off-topic", "partita")),
            MinorDetector.load(Path.of("config/guard/minor.txt")), CourtesyLexicon.load(Path.of("config/lexicons/courtesy.txt")),
            ClassScorer.NONE, Map.of());
    private final InMemoryStrikeStore strikes = new InMemoryStrikeStore();
    private final InMemoryPostHistory posts = new InMemoryPostHistory();
    private final PolicyGuard guard = new PolicyGuard(detectors, strikes, posts);

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

    @Test
    void inspectingIsPureTheHistoryGrowsOnlyWhenADecisionIsRemembered() {
        Message insult = new Message("m", MILANO.id(), Channel.FACEBOOK, Kind.COMMENT, "fb:40", T0, "buffoni");
        Verdict first = guard.inspect(insult, MILANO, false);
        Verdict second = guard.inspect(insult, MILANO, false);

        assertThat(second).isEqualTo(first);
        assertThat(strikes.count(MILANO.id(), "fb:40", T0.toInstant(), java.time.Duration.ofDays(30))).isZero();
        guard.remember(insult, MILANO, first.action().orElseThrow());
        assertThat(strikes.count(MILANO.id(), "fb:40", T0.toInstant(), java.time.Duration.ofDays(30))).isEqualTo(1);
    }

    @Test
    void theMaskTypedByACitizenIsNotPersonalDataButAStoredRedactedTextIs() {
        Message typed = new Message("m", MILANO.id(), Channel.FACEBOOK, Kind.COMMENT, "fb:41", T0,
                "Perché i numeri nei commenti diventano [***]? Come si cambia il medico?");

        assertThat(guard.inspect(typed, MILANO, false).reasons()).doesNotContain(Reason.PERSONAL_DATA);
        Verdict recovered = guard.inspect(typed, MILANO, true);
        assertThat(recovered.reasons()).contains(Reason.PERSONAL_DATA);
        assertThat(recovered.hide()).isTrue();
    }

    @Test
    void evasionsDefeatNeitherTheLexiconsNorThePersonalData() {
        assertThat(inspect(MILANO, "fb:42", T0, Kind.COMMENT, "siete dei b\u200bu\u00adf\u200bfoni").action())
                .contains(Action.MODERATE);
        assertThat(inspect(MILANO, "fb:43", T0, Kind.COMMENT, "siete dei ｂｕｆｆｏｎｉ").action()).contains(Action.MODERATE);
        assertThat(inspect(MILANO, "fb:44", T0, Kind.COMMENT, "siete dei bufføni".replace("ø", "о")).action()).as("Cyrillic о")
                .contains(Action.MODERATE);
        assertThat(inspect(MILANO, "fb:45", T0, Kind.COMMENT, "siete dei b.u.f.f.o.n.i").action()).contains(Action.MODERATE);
        Verdict phone = inspect(MILANO, "fb:46", T0, Kind.COMMENT, "il mio numero è ３３９ ８７６ ５４３２");
        assertThat(phone.reasons()).contains(Reason.PERSONAL_DATA);
        assertThat(phone.hide()).isTrue();
        assertThat(phone.text()).isEqualTo("il mio numero è [***]");
    }

    /** As the intake does: the verdict, then what the decision adds to the author's history. */
    private Verdict inspect(TenantConfig tenant, String author, OffsetDateTime at, Kind kind, String text) {
        Channel channel = author.startsWith("tg:") ? Channel.TELEGRAM : Channel.FACEBOOK;
        Message message = new Message("m", tenant.id(), channel, kind, author, at, text);
        Verdict v = guard.inspect(message, tenant, false);
        guard.remember(message, tenant, v.action().orElse(Action.ANSWER));
        return v;
    }

}
