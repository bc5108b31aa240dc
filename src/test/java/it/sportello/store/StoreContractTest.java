package it.sportello.store;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.contract.Action;
import it.sportello.contract.Channel;
import it.sportello.contract.Decision;
import it.sportello.contract.Evidence;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.contract.Reason;
import it.sportello.contract.Sanction;
import it.sportello.contract.SectionRef;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The store's behaviour, the same on every database: a subclass says which ({@link H2StoreTest},
 * {@link PostgresStoreTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContractTest {

    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private Database database;
    private DatabaseConfig config;
    Stores stores;

    abstract DatabaseConfig config();


    @AfterAll
    void close() {
        if (database != null) {
            database.close();
        }
    }

    /** Opens the store before the first test (a database fixture may only be ready then), empties it before each. */
    @BeforeEach
    void empty() throws SQLException {
        if (database == null) {
            config = config();
            database = Database.open(config);
            stores = database.stores();
        }
        try (Connection c = DriverManager.getConnection(config.url(), config.user().orElse(null),
                config.password().orElse(null)); Statement s = c.createStatement()) {
            for (String table : List.of("escalation", "outbox", "ban", "message", "strike", "post_fingerprint", "audit",
                    "console_session")) {
                s.executeUpdate("delete from " + table);
            }
        }
    }

    static Message message(String id, String author, String text, Instant at) {
        return new Message(id, "ats-milano", Channel.WEB, Kind.COMMENT, author, at.atOffset(ZoneOffset.ofHours(1)), text);
    }

    static Decision escalated(String id) {
        return new Decision(id, Action.ESCALATE, List.of(Reason.LOW_CONFIDENCE, Reason.OUT_OF_HOURS), false, Sanction.NONE,
                List.of(new SectionRef("urp", "URP", "https://www.ats-milano.it/urp", 0.25)), "La passiamo a un operatore.",
                0.25, new Evidence(List.of(Evidence.Signal.score("answerable", "model", 0.25, 0.5))), Optional.empty());
    }

    private StoredMessage decided(String id, String author, String text, Instant at, Decision d) {
        StoredMessage m = stores.messages().accept(message(id, author, text, at), false, at).stored();
        stores.messages().decided(m.id(), d, at);
        return m;
    }

    @Test
    void aMessageIsStoredOnceAndItsRetryRecognised() {
        Message m = message("ext-1", "web:a", "Come si prenota [***]?", T0);
        Accepted first = stores.messages().accept(m, true, T0);
        Accepted retry = stores.messages().accept(m.withText("something else"), true, T0.plusSeconds(5));

        assertThat(first.duplicate()).isFalse();
        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.stored().id()).isEqualTo(first.stored().id());
        assertThat(retry.stored().message().text()).isEqualTo("Come si prenota [***]?");
        assertThat(retry.stored().personalData()).isTrue();
        assertThat(retry.stored().status()).isEqualTo(MessageStatus.RECEIVED);
        assertThat(retry.stored().message().time().toInstant()).isEqualTo(T0);
    }

    @Test
    void theSameExternalIdOnAnotherChannelIsAnotherMessage() {
        Message web = message("42", "web:a", "ciao", T0);
        Message telegram = new Message("42", "ats-milano", Channel.TELEGRAM, Kind.MESSAGE, "tg:1", web.time(), "ciao");
        assertThat(stores.messages().accept(web, false, T0).duplicate()).isFalse();
        assertThat(stores.messages().accept(telegram, false, T0).duplicate()).isFalse();
    }

    @Test
    void concurrentDeliveriesOfOneIdStoreOneRow() throws Exception {
        Message m = message("burst", "web:a", "ciao", T0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Accepted>> all = IntStream.range(0, 16)
                    .mapToObj(i -> pool.submit(() -> stores.messages().accept(m, false, T0))).toList();
            long fresh = 0;
            for (Future<Accepted> f : all) {
                fresh += f.get().duplicate() ? 0 : 1;
            }
            assertThat(fresh).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDecisionIsReadBackWhole() {
        StoredMessage m = decided("d1", "web:a", "domanda difficile", T0, escalated("d1"));

        StoredMessage back = stores.messages().find(m.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(MessageStatus.DECIDED);
        assertThat(back.decision()).contains(escalated("d1"));
        assertThat(stores.messages().undecided(10)).isEmpty();
    }

    @Test
    void undecidedMessagesAreFoundOldestFirstAndFailuresRecorded() {
        long a = stores.messages().accept(message("u1", "web:a", "uno", T0), false, T0).stored().id();
        long b = stores.messages().accept(message("u2", "web:a", "due", T0), false, T0.plusSeconds(1)).stored().id();
        stores.messages().failed(a, "boom", T0);

        assertThat(stores.messages().undecided(10)).extracting(StoredMessage::id).containsExactly(b);
        StoredMessage failed = stores.messages().find(a).orElseThrow();
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.decision().orElseThrow().error()).contains("boom");
    }

    @Test
    void theQueuePutsEmergenciesFirstThenTheOldest() {
        long q1 = stores.escalations().open(decided("q1", "web:a", "domanda", T0, escalated("q1")).id(), "ats-milano",
                Priority.QUESTION, T0);
        long q2 = stores.escalations().open(decided("q2", "web:b", "altra", T0, escalated("q2")).id(), "ats-milano",
                Priority.QUESTION, T0.plusSeconds(60));
        long em = stores.escalations().open(decided("e1", "web:c", "aiuto", T0, escalated("e1")).id(), "ats-milano",
                Priority.EMERGENCY, T0.plusSeconds(120));
        stores.escalations().open(decided("o1", "web:d", "altro ente", T0, escalated("o1")).id(), "asst-crema",
                Priority.EMERGENCY, T0);

        assertThat(stores.escalations().queue(QueueFilter.pending("ats-milano"))).extracting(Escalation::id)
                .containsExactly(em, q1, q2);
        assertThat(stores.escalations().pendingCounts("ats-milano"))
                .containsEntry(Priority.QUESTION, 2).containsEntry(Priority.EMERGENCY, 1);
    }

    @Test
    void openingTwiceForOneMessageKeepsOneEscalation() {
        long message = decided("x", "web:a", "domanda", T0, escalated("x")).id();
        long first = stores.escalations().open(message, "ats-milano", Priority.QUESTION, T0);
        assertThat(stores.escalations().open(message, "ats-milano", Priority.QUESTION, T0.plusSeconds(9))).isEqualTo(first);
        assertThat(stores.escalations().forMessage(message)).map(Escalation::id).contains(first);
    }

    @Test
    void claimAndCloseMoveThroughTheStatesOnce() {
        long id = stores.escalations().open(decided("c", "web:a", "domanda", T0, escalated("c")).id(), "ats-milano",
                Priority.QUESTION, T0);

        assertThat(stores.escalations().claim(id, "anna", T0.plusSeconds(10))).isTrue();
        assertThat(stores.escalations().claim(id, "bruno", T0.plusSeconds(11))).isFalse();
        assertThat(stores.escalations().close(id, "anna", Resolution.REPLIED, Optional.of("Ecco la risposta"),
                T0.plusSeconds(20))).isTrue();
        assertThat(stores.escalations().close(id, "bruno", Resolution.DISMISSED, Optional.empty(), T0.plusSeconds(30)))
                .isFalse();

        Escalation e = stores.escalations().find(id).orElseThrow();
        assertThat(e.status()).isEqualTo(EscalationStatus.ANSWERED);
        assertThat(e.claimedBy()).contains("anna");
        assertThat(e.closedBy()).contains("anna");
        assertThat(e.closedAt()).contains(T0.plusSeconds(20));
        assertThat(e.resolution()).contains(Resolution.REPLIED);
        assertThat(e.answer()).contains("Ecco la risposta");
        assertThat(e.message().decision()).contains(escalated("c"));
    }

    @Test
    void theQueueFiltersByStatusAndReason() {
        long open = stores.escalations().open(decided("f1", "web:a", "domanda", T0, escalated("f1")).id(), "ats-milano",
                Priority.QUESTION, T0);
        Decision insult = new Decision("f2", Action.MODERATE, List.of(Reason.INSULT), true, Sanction.WARNING, List.of(),
                "", 0, Evidence.NONE, Optional.empty());
        long moderated = stores.escalations().open(decided("f2", "web:b", "[insulto]", T0, insult).id(), "ats-milano",
                Priority.MODERATION, T0);
        stores.escalations().close(moderated, "anna", Resolution.DISMISSED, Optional.empty(), T0);

        assertThat(stores.escalations().queue(QueueFilter.pending("ats-milano"))).extracting(Escalation::id)
                .containsExactly(open);
        assertThat(stores.escalations().queue(new QueueFilter("ats-milano", Set.of(), Optional.of(Reason.INSULT), 10)))
                .extracting(Escalation::id).containsExactly(moderated);
        assertThat(stores.escalations().queue(new QueueFilter("ats-milano", Set.of(EscalationStatus.DISMISSED),
                Optional.empty(), 10))).extracting(Escalation::id).containsExactly(moderated);
    }

    @Test
    void lowConfidenceQuestionsAreCountedMostFrequentFirst() {
        String[] asked = {"Dove vaccino il gatto?", "dove vaccino il gatto", "Dove VACCINO il gatto!!", "Orari piscina?"};
        for (int i = 0; i < asked.length; i++) {
            String id = "l" + i;
            long m = decided(id, "web:" + i, asked[i], T0.plusSeconds(i), escalated(id)).id();
            stores.escalations().open(m, "ats-milano", Priority.QUESTION, T0.plusSeconds(i));
        }

        List<QuestionCount> counts = stores.escalations().lowConfidenceQuestions("ats-milano", T0.minusSeconds(1), 10);
        assertThat(counts).extracting(QuestionCount::count).containsExactly(3, 1);
        assertThat(counts.get(0).text()).containsIgnoringCase("vaccino il gatto");
        assertThat(counts.get(1).text()).isEqualTo("Orari piscina?");
    }

    /**
     * The system clock gives nanoseconds and the columns keep microseconds: a strike rounded up on the way
     * in must still count in its own window ({@code at <= ?}), or the third insult proposes no ban.
     */
    @Test
    void aStrikeAtNanosecondPrecisionCountsInItsOwnWindow() {
        Duration month = Duration.ofDays(30);
        Instant t = T0.plusNanos(999_999_999);
        stores.strikes().record("ats-milano", "tg:9", t);
        stores.posts().record("asst-crema", "tg:9", "abc", t);
        assertThat(stores.strikes().count("ats-milano", "tg:9", t, month)).isEqualTo(1);
        assertThat(stores.posts().count("asst-crema", "tg:9", "abc", t, Duration.ofHours(24))).isEqualTo(1);
    }

    @Test
    void strikesAndRepeatsAreCountedWithinTheirWindow() {
        Duration month = Duration.ofDays(30);
        assertThat(strike("fb:1", T0, month)).isEqualTo(1);
        assertThat(strike("fb:1", T0.plus(Duration.ofDays(10)), month)).isEqualTo(2);
        assertThat(strike("fb:2", T0.plus(Duration.ofDays(10)), month)).isEqualTo(1);
        assertThat(strike("fb:1", T0.plus(Duration.ofDays(35)), month)).isEqualTo(2);
        assertThat(stores.strikes().count("ats-milano", "fb:1", T0.plus(Duration.ofDays(5)), month))
                .as("counting records nothing").isEqualTo(1);

        Duration day = Duration.ofHours(24);
        assertThat(post("fb:1", "abc", T0, day)).isEqualTo(1);
        assertThat(post("fb:1", "abc", T0.plusSeconds(60), day)).isEqualTo(2);
        assertThat(post("fb:1", "def", T0.plusSeconds(60), day)).isEqualTo(1);
        assertThat(post("fb:1", "abc", T0.plus(Duration.ofHours(30)), day)).isEqualTo(1);
    }

    private int strike(String author, Instant at, Duration window) {
        stores.strikes().record("ats-milano", author, at);
        return stores.strikes().count("ats-milano", author, at, window);
    }

    private int post(String author, String fingerprint, Instant at, Duration window) {
        stores.posts().record("asst-crema", author, fingerprint, at);
        return stores.posts().count("asst-crema", author, fingerprint, at, window);
    }

    @Test
    void aBanIsProposedOnceThenConfirmedAndLifted() {
        long m = decided("b1", "fb:9", "[insulto]", T0, escalated("b1")).id();
        long ban = stores.bans().propose("ats-milano", "fb:9", Channel.FACEBOOK, m, T0);
        assertThat(stores.bans().propose("ats-milano", "fb:9", Channel.FACEBOOK, m, T0.plusSeconds(5))).isEqualTo(ban);

        assertThat(stores.bans().decide(ban, BanStatus.CONFIRMED, "anna", T0.plusSeconds(60))).isTrue();
        assertThat(stores.bans().decide(ban, BanStatus.REJECTED, "bruno", T0.plusSeconds(61))).isFalse();
        assertThat(stores.bans().lift(ban, "carla", T0.plusSeconds(120))).isTrue();

        Ban back = stores.bans().find(ban).orElseThrow();
        assertThat(back.status()).isEqualTo(BanStatus.LIFTED);
        assertThat(back.decidedBy()).contains("anna");
        assertThat(back.liftedBy()).contains("carla");
        assertThat(back.messageId()).contains(m);
        assertThat(stores.bans().forMessage(m)).map(Ban::id).contains(ban);
        assertThat(stores.bans().ofAuthor("ats-milano", "fb:9")).hasSize(1);
    }

    @Test
    void theWebChatCollectsItsRepliesOnce() {
        long m = decided("w1", "web:a", "domanda", T0, escalated("w1")).id();
        long first = stores.outbox().enqueue(OutboxItem.draft("ats-milano", Channel.WEB, OutboxKind.REPLY, "web:a",
                Optional.of(m), Optional.of("Risposta uno"), T0));
        stores.outbox().enqueue(OutboxItem.draft("ats-milano", Channel.WEB, OutboxKind.REPLY, "web:b",
                Optional.empty(), Optional.of("Per un altro"), T0));
        long second = stores.outbox().enqueue(OutboxItem.draft("ats-milano", Channel.WEB, OutboxKind.REPLY, "web:a",
                Optional.of(m), Optional.of("Risposta due"), T0));

        assertThat(stores.outbox().pending(Channel.WEB, 10)).hasSize(3);
        List<OutboxItem> got = stores.outbox().collect(Channel.WEB, "web:a", 0, T0.plusSeconds(1));
        assertThat(got).extracting(OutboxItem::id).containsExactly(first, second);
        assertThat(got).extracting(i -> i.text().orElseThrow()).containsExactly("Risposta uno", "Risposta due");
        assertThat(stores.outbox().collect(Channel.WEB, "web:a", second, T0)).isEmpty();
        assertThat(stores.outbox().pending(Channel.WEB, 10)).extracting(OutboxItem::recipient).containsExactly("web:b");
        assertThat(stores.outbox().ofMessage(m)).allMatch(i -> i.status() == OutboxStatus.SENT);
    }

    @Test
    void aClaimedItemIsLeasedThenTakenOverWhenTheLeaseRunsOut() {
        long id = stores.outbox().enqueue(OutboxItem.draft("ats-milano", Channel.FACEBOOK, OutboxKind.HIDE, "fb:1",
                Optional.empty(), Optional.empty(), T0));
        Duration lease = Duration.ofMinutes(2);

        List<OutboxItem> first = stores.outbox().claimDue("ats-milano", Channel.FACEBOOK, 10, T0, lease);
        assertThat(first).extracting(OutboxItem::id).containsExactly(id);
        assertThat(first.get(0).attempts()).isEqualTo(1);
        assertThat(stores.outbox().claimDue("ats-milano", Channel.FACEBOOK, 10, T0.plusSeconds(60), lease)).isEmpty();
        assertThat(stores.outbox().claimDue("ats-milano", Channel.TELEGRAM, 10, T0.plusSeconds(600), lease)).isEmpty();
        List<OutboxItem> takenOver = stores.outbox().claimDue("ats-milano", Channel.FACEBOOK, 10, T0.plusSeconds(121), lease);
        assertThat(takenOver).extracting(OutboxItem::attempts).containsExactly(2);

        stores.outbox().retryLater(id, T0.plusSeconds(300), "HTTP 500");
        assertThat(stores.outbox().claimDue("ats-milano", Channel.FACEBOOK, 10, T0.plusSeconds(299), lease)).isEmpty();
        assertThat(stores.outbox().claimDue("ats-milano", Channel.FACEBOOK, 10, T0.plusSeconds(300), lease)).hasSize(1);
        stores.outbox().markSent(id, T0.plusSeconds(301));
        assertThat(stores.outbox().claimDue("ats-milano", Channel.FACEBOOK, 10, T0.plusSeconds(9999), lease)).isEmpty();
        assertThat(stores.outbox().pending(Channel.FACEBOOK, 10)).isEmpty();
    }

    @Test
    void concurrentDrainersNeverClaimTheSameItem() throws Exception {
        for (int i = 0; i < 60; i++) {
            stores.outbox().enqueue(OutboxItem.draft("ats-milano", Channel.TELEGRAM, OutboxKind.REPLY, "tg:" + i,
                    Optional.empty(), Optional.of("risposta " + i), T0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<OutboxItem>>> claims = IntStream.range(0, 12).mapToObj(i -> pool.submit(
                    () -> stores.outbox().claimDue("ats-milano", Channel.TELEGRAM, 5, T0.plusSeconds(1), Duration.ofMinutes(5))))
                    .toList();
            List<Long> all = new java.util.ArrayList<>();
            for (Future<List<OutboxItem>> f : claims) {
                f.get().forEach(item -> all.add(item.id()));
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(60);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAttemptCutOffBeforeItsOutcomePutsTheItemInDoubt() {
        Duration lease = Duration.ofMinutes(1);
        long cut = stores.outbox().enqueue(OutboxItem.draft("ats-milano", Channel.TELEGRAM, OutboxKind.REPLY, "tg:1",
                Optional.empty(), Optional.of("risposta"), T0));
        long retried = stores.outbox().enqueue(OutboxItem.draft("ats-milano", Channel.TELEGRAM, OutboxKind.REPLY, "tg:2",
                Optional.empty(), Optional.of("risposta"), T0));
        long untried = stores.outbox().enqueue(OutboxItem.draft("ats-milano", Channel.TELEGRAM, OutboxKind.REPLY, "tg:3",
                Optional.empty(), Optional.of("risposta"), T0));
        assertThat(stores.outbox().claimDue("ats-milano", Channel.TELEGRAM, 10, T0, lease)).hasSize(3);
        stores.outbox().attempting(cut);
        stores.outbox().attempting(retried);
        stores.outbox().retryLater(retried, T0.plusSeconds(1), "HTTP 500");   // an outcome: not in doubt
        // the drainer died during the call for `cut`, before trying `untried`: the leases run out, another takes them
        assertThat(stores.outbox().claimDue("ats-milano", Channel.TELEGRAM, 10, T0.plusSeconds(61), lease)).hasSize(3);
        for (long id : new long[] {cut, retried, untried}) {
            stores.outbox().attempting(id);
        }
        stores.outbox().markSent(untried, T0.plusSeconds(62));
        stores.outbox().markSent(cut, T0.plusSeconds(62));
        stores.outbox().markSent(retried, T0.plusSeconds(62));

        assertThat(stores.outbox().inDoubt("ats-milano", Channel.TELEGRAM)).isEqualTo(1);
        assertThat(stores.outbox().inDoubt("asst-crema", Channel.TELEGRAM)).isZero();
    }

    @Test
    void aDrainerClaimsOnlyItsTenantsItems() {
        stores.outbox().enqueue(OutboxItem.draft("asst-crema", Channel.TELEGRAM, OutboxKind.REPLY, "tg:1",
                Optional.empty(), Optional.of("risposta"), T0));
        assertThat(stores.outbox().claimDue("ats-milano", Channel.TELEGRAM, 10, T0, Duration.ofMinutes(1))).isEmpty();
        assertThat(stores.outbox().claimDue("asst-crema", Channel.TELEGRAM, 10, T0, Duration.ofMinutes(1))).hasSize(1);
    }

    @Test
    void aLeaseHasOneHolderUntilItExpiresOrIsReleased() {
        Leases leases = stores.leases();
        Duration ttl = Duration.ofSeconds(30);
        assertThat(leases.tryAcquire("telegram:ats-milano", "a", T0, ttl)).isTrue();
        assertThat(leases.tryAcquire("telegram:ats-milano", "b", T0.plusSeconds(10), ttl)).isFalse();
        assertThat(leases.tryAcquire("telegram:asst-crema", "b", T0.plusSeconds(10), ttl)).isTrue();
        assertThat(leases.tryAcquire("telegram:ats-milano", "a", T0.plusSeconds(20), ttl)).as("renewed").isTrue();
        assertThat(leases.tryAcquire("telegram:ats-milano", "b", T0.plusSeconds(49), ttl)).isFalse();
        assertThat(leases.tryAcquire("telegram:ats-milano", "b", T0.plusSeconds(50), ttl)).as("expired").isTrue();
        assertThat(leases.tryAcquire("telegram:ats-milano", "a", T0.plusSeconds(51), ttl)).isFalse();
        leases.release("telegram:ats-milano", "a", T0.plusSeconds(52));
        assertThat(leases.tryAcquire("telegram:ats-milano", "a", T0.plusSeconds(53), ttl)).as("a cannot release b's").isFalse();
        leases.release("telegram:ats-milano", "b", T0.plusSeconds(54));
        assertThat(leases.tryAcquire("telegram:ats-milano", "a", T0.plusSeconds(55), ttl)).isTrue();
    }

    @Test
    void concurrentCandidatesGetALeaseOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> tries = IntStream.range(0, 8).mapToObj(i -> pool.submit(
                    () -> stores.leases().tryAcquire("facebook:ats-milano", "holder-" + i, T0, Duration.ofMinutes(1))))
                    .toList();
            int won = 0;
            for (Future<Boolean> f : tries) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCursorIsKeptAndMovedOn() {
        assertThat(stores.cursors().get("telegram:ats-milano")).isEmpty();
        stores.cursors().put("telegram:ats-milano", "1001", T0);
        stores.cursors().put("telegram:ats-milano", "1002", T0.plusSeconds(1));
        assertThat(stores.cursors().get("telegram:ats-milano")).contains("1002");
        assertThat(stores.cursors().get("telegram:asst-crema")).isEmpty();
    }

    @Test
    void auditEntriesAreListedNewestFirst() {
        stores.audit().record(AuditEntry.of(T0, "anna", "ats-milano", AuditAction.LOGIN, null));
        stores.audit().record(AuditEntry.of(T0.plusSeconds(5), "anna", "ats-milano", AuditAction.REPLY, "escalation:3")
                .withDetail("replied on web"));
        stores.audit().record(AuditEntry.of(T0.plusSeconds(9), "bruno", "asst-crema", AuditAction.DISMISS, "escalation:4"));

        assertThat(stores.audit().recent(Optional.of("ats-milano"), 10)).extracting(AuditEntry::action)
                .containsExactly(AuditAction.REPLY, AuditAction.LOGIN);
        assertThat(stores.audit().recent(Optional.empty(), 1)).extracting(AuditEntry::actor).containsExactly("bruno");
        assertThat(stores.audit().recent(Optional.of("ats-milano"), 1).get(0).detail()).contains("replied on web");
    }

    @Test
    void sessionsExpire() {
        stores.sessions().create(new ConsoleSession("h1", "anna", "csrf1", T0, T0.plusSeconds(3600)));
        assertThat(stores.sessions().find("h1", T0.plusSeconds(10))).map(ConsoleSession::csrf).contains("csrf1");
        assertThat(stores.sessions().find("h1", T0.plusSeconds(3600))).isEmpty();
        assertThat(stores.sessions().deleteExpired(T0.plusSeconds(4000))).isEqualTo(1);
        stores.sessions().create(new ConsoleSession("h2", "anna", "csrf2", T0, T0.plusSeconds(3600)));
        stores.sessions().delete("h2");
        assertThat(stores.sessions().find("h2", T0)).isEmpty();
    }

    @Test
    void retentionRemovesOldDataAndKeepsTheAuditWithoutDetail() {
        Instant old = T0.minus(Duration.ofDays(100));
        long oldMessage = decided("old", "fb:1", "vecchio", old, escalated("old")).id();
        stores.escalations().open(oldMessage, "ats-milano", Priority.QUESTION, old);
        stores.outbox().enqueue(OutboxItem.draft("ats-milano", Channel.WEB, OutboxKind.REPLY, "fb:1",
                Optional.of(oldMessage), Optional.of("risposta"), old));
        long confirmed = stores.bans().propose("ats-milano", "fb:1", Channel.FACEBOOK, oldMessage, old);
        stores.bans().decide(confirmed, BanStatus.CONFIRMED, "anna", old);
        stores.strikes().record("ats-milano", "fb:1", old);
        stores.audit().record(AuditEntry.of(old, "anna", "ats-milano", AuditAction.BAN_CONFIRM, "ban:" + confirmed)
                .withDetail("confirmed"));
        long fresh = decided("new", "fb:2", "nuovo", T0, escalated("new")).id();
        stores.escalations().open(fresh, "ats-milano", Priority.QUESTION, T0);
        long otherTenant = stores.messages().accept(new Message("crema-old", "asst-crema", Channel.WEB, Kind.MESSAGE,
                "web:z", old.atOffset(ZoneOffset.UTC), "vecchio"), false, old).stored().id();

        PurgeReport report = stores.retention().purge("ats-milano", T0.minus(Duration.ofDays(90)));

        assertThat(report.messages()).isEqualTo(1);
        assertThat(report.escalations()).isEqualTo(1);
        assertThat(report.outbox()).isEqualTo(1);
        assertThat(report.strikes()).isEqualTo(1);
        assertThat(report.auditAnonymised()).isEqualTo(1);
        assertThat(stores.messages().find(oldMessage)).isEmpty();
        assertThat(stores.messages().find(fresh)).isPresent();
        assertThat(stores.messages().find(otherTenant)).isPresent();
        assertThat(stores.escalations().forMessage(fresh)).isPresent();
        Ban ban = stores.bans().find(confirmed).orElseThrow();
        assertThat(ban.status()).isEqualTo(BanStatus.CONFIRMED);
        assertThat(ban.messageId()).isEmpty();
        AuditEntry audit = stores.audit().recent(Optional.of("ats-milano"), 10).get(0);
        assertThat(audit.action()).isEqualTo(AuditAction.BAN_CONFIRM);
        assertThat(audit.detail()).isEmpty();
    }

    @Test
    void migratingAgainChangesNothing() {
        try (Database again = Database.open(config)) {
            assertThat(again.isHealthy()).isTrue();
        }
    }
}
