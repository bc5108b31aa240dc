package it.sportello.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.contract.Channel;
import it.sportello.store.Database;
import it.sportello.store.DatabaseConfig;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxKind;
import it.sportello.store.OutboxStatus;
import it.sportello.store.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The drainer over a real (in-memory H2) outbox, with a platform that answers what the test scripts. */
class OutboxDrainerTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private Database database;
    private OutboxStore outbox;
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Deque<Delivery> answers = new ArrayDeque<>();
    private int calls;
    private OutboxDrainer drainer;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseConfig.inMemory("drainer-" + UUID.randomUUID()));
        outbox = database.stores().outbox();
        Clock clock = clockAt();
        ChannelSender platform = item -> {
            calls++;
            Delivery next = answers.poll();
            if (next == null) {
                throw new IllegalStateException("the platform was called more than scripted");
            }
            return next;
        };
        drainer = new OutboxDrainer("ats-milano", Channel.TELEGRAM, outbox, platform,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 5), Duration.ofMinutes(1), Pace.unlimited(), clock);
    }

    /** A clock that reads {@link #now}. */
    private Clock clockAt() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    @AfterEach
    void close() {
        database.close();
    }

    private long reply() {
        return outbox.enqueue(OutboxItem.draft("ats-milano", Channel.TELEGRAM, OutboxKind.REPLY, "tg:1", Optional.empty(),
                Optional.of("Ecco la risposta"), T0));
    }

    @Test
    void aServerErrorIsRetriedWithGrowingWaitsUntilItGoesThrough() throws InterruptedException {
        long id = reply();
        answers.add(new Delivery.Retry(Optional.empty(), "HTTP 500"));
        answers.add(new Delivery.Retry(Optional.empty(), "timeout"));
        answers.add(new Delivery.Sent());

        assertThat(drainer.drainOnce(10)).isEqualTo(1);           // attempt 1 fails: next in 1 s
        now.set(T0.plusMillis(999));
        assertThat(drainer.drainOnce(10)).isZero();
        now.set(T0.plusSeconds(1));
        assertThat(drainer.drainOnce(10)).isEqualTo(1);           // attempt 2 fails: next in 2 s
        now.set(T0.plusSeconds(2));
        assertThat(drainer.drainOnce(10)).isZero();
        now.set(T0.plusSeconds(3));
        assertThat(drainer.drainOnce(10)).isEqualTo(1);           // attempt 3 goes through

        assertThat(outbox.pending(Channel.TELEGRAM, 10)).isEmpty();
        assertThat(calls).isEqualTo(3);
        assertThat(id).isPositive();
    }

    @Test
    void aChatWrittenToAMomentAgoWaitsItsTurnWithoutLosingAnAttempt() throws InterruptedException {
        reply();
        reply();   // the same chat: Telegram allows one message a second
        answers.add(new Delivery.Sent());
        answers.add(new Delivery.Sent());
        OutboxDrainer paced = new OutboxDrainer("ats-milano", Channel.TELEGRAM, outbox, item -> {
            calls++;
            return answers.poll();
        }, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 1), Duration.ofMinutes(1),
                new Pace(30, Duration.ofSeconds(1), item -> Optional.of(item.recipient())), clockAt());

        assertThat(paced.drainOnce(10)).isEqualTo(2);
        assertThat(calls).isEqualTo(1);
        now.set(T0.plusSeconds(1));
        assertThat(paced.drainOnce(10)).isEqualTo(1);
        // with one attempt allowed, a postponement that counted as an attempt would have failed the item
        assertThat(calls).isEqualTo(2);
        assertThat(outbox.pending(Channel.TELEGRAM, 10)).isEmpty();
    }

    @Test
    void aBatchPastHalfItsLeaseGivesTheRestBackRatherThanRiskADoubleSend() throws InterruptedException {
        reply();
        reply();
        OutboxDrainer slow = new OutboxDrainer("ats-milano", Channel.TELEGRAM, outbox, item -> {
            calls++;
            now.set(now.get().plusSeconds(40));   // a platform call that took 40 s of a one-minute lease
            return new Delivery.Sent();
        }, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 5), Duration.ofMinutes(1), Pace.unlimited(), clockAt());

        assertThat(slow.drainOnce(10)).isEqualTo(2);
        assertThat(calls).isEqualTo(1);
        assertThat(outbox.pending(Channel.TELEGRAM, 10)).singleElement()
                .satisfies(item -> assertThat(item.attempts()).as("given back, not tried").isZero());
    }

    @Test
    void aRateLimitIsHonoured() throws InterruptedException {
        reply();
        answers.add(new Delivery.Retry(Optional.of(Duration.ofSeconds(30)), "HTTP 429"));
        answers.add(new Delivery.Sent());

        drainer.drainOnce(10);
        now.set(T0.plusSeconds(29));
        assertThat(drainer.drainOnce(10)).isZero();
        now.set(T0.plusSeconds(30));
        assertThat(drainer.drainOnce(10)).isEqualTo(1);
        assertThat(calls).isEqualTo(2);
    }

    @Test
    void aRejectedItemFailsAtOnceAndAnExhaustedOneAfterItsAttempts() throws InterruptedException {
        reply();
        answers.add(new Delivery.Rejected("message to reply to not found"));
        drainer.drainOnce(10);
        assertThat(outbox.pending(Channel.TELEGRAM, 10)).isEmpty();

        reply();
        for (int i = 0; i < 5; i++) {
            answers.add(new Delivery.Retry(Optional.empty(), "HTTP 502"));
        }
        for (int i = 0; i < 5; i++) {
            now.set(now.get().plusSeconds(120));
            assertThat(drainer.drainOnce(10)).isEqualTo(1);
        }
        now.set(now.get().plusSeconds(120));
        assertThat(drainer.drainOnce(10)).isZero();
        assertThat(outbox.pending(Channel.TELEGRAM, 10)).isEmpty();
        assertThat(calls).isEqualTo(6);
    }

    @Test
    void aSenderThatThrowsIsRetriedNotLost() throws InterruptedException {
        reply();
        answers.add(new Delivery.Sent());
        ChannelSender broken = item -> {
            throw new IllegalStateException("connection reset");
        };
        new OutboxDrainer("ats-milano", Channel.TELEGRAM, outbox, broken, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 5),
                Duration.ofMinutes(1), Pace.unlimited(), Clock.fixed(T0, ZoneOffset.UTC)).drainOnce(10);
        assertThat(outbox.pending(Channel.TELEGRAM, 10)).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(OutboxStatus.PENDING));
        now.set(T0.plusSeconds(1));
        assertThat(drainer.drainOnce(10)).isEqualTo(1);
        assertThat(outbox.pending(Channel.TELEGRAM, 10)).isEmpty();
    }
}
