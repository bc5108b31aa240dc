package it.sportello.channel;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.store.Database;
import it.sportello.store.DatabaseConfig;
import it.sportello.store.Leases;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances' poll loops over one database: one polls at a time, the other takes over when it stops. */
class PollLoopTest {

    private static final Duration TTL = Duration.ofMillis(800);

    private Database database;
    private Leases leases;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseConfig.inMemory("poll-" + UUID.randomUUID()));
        leases = database.stores().leases();
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Counts rounds per instance and notes if two rounds ever overlapped. */
    private static final class Shared {
        final AtomicInteger inRound = new AtomicInteger();
        final AtomicBoolean overlapped = new AtomicBoolean();
    }

    private static final class CountingPoller implements Poller {
        final Shared shared;
        final AtomicInteger rounds = new AtomicInteger();
        volatile boolean die;
        volatile boolean fail;

        CountingPoller(Shared shared) {
            this.shared = shared;
        }

        @Override
        public String name() {
            return "telegram:ats-milano";
        }

        @Override
        public void pollOnce() throws Exception {
            if (die) {
                throw new Error("the instance dies");   // not caught by the loop: its thread ends
            }
            if (shared.inRound.incrementAndGet() > 1) {
                shared.overlapped.set(true);
            }
            try {
                Thread.sleep(20);
                rounds.incrementAndGet();
                if (fail) {
                    throw new java.io.IOException("platform down");
                }
            } finally {
                shared.inRound.decrementAndGet();
            }
        }

        @Override
        public Duration interval() {
            return Duration.ofMillis(10);
        }
    }

    @Test
    void oneInstancePollsAndAnotherTakesOverWhenItDies() throws Exception {
        Shared shared = new Shared();
        CountingPoller a = new CountingPoller(shared);
        CountingPoller b = new CountingPoller(shared);
        try (PollLoop first = new PollLoop(a, leases, "instance-a", TTL, Clock.systemUTC()).start()) {
            await(() -> a.rounds.get() > 3);
            try (PollLoop second = new PollLoop(b, leases, "instance-b", TTL, Clock.systemUTC()).start()) {
                Thread.sleep(TTL.toMillis() * 2);
                assertThat(b.rounds.get()).as("the second instance waits").isZero();
                assertThat(first.holding()).isTrue();
                assertThat(second.holding()).isFalse();

                a.die = true;   // the thread ends without giving the lease up, as in a crash
                await(() -> b.rounds.get() > 3);
                assertThat(second.holding()).isTrue();
            }
        }
        assertThat(shared.overlapped).as("two rounds at once").isFalse();
    }

    @Test
    void aStoppedInstanceGivesItsLeaseUpAtOnce() throws Exception {
        Shared shared = new Shared();
        CountingPoller a = new CountingPoller(shared);
        CountingPoller b = new CountingPoller(shared);
        PollLoop first = new PollLoop(a, leases, "instance-a", Duration.ofMinutes(5), Clock.systemUTC()).start();
        await(() -> a.rounds.get() > 0);
        try (PollLoop second = new PollLoop(b, leases, "instance-b", Duration.ofMinutes(5), Clock.systemUTC()).start()) {
            first.close();
            // with a five-minute lease only the release lets the second one in within the deadline
            await(() -> b.rounds.get() > 0);
        }
        assertThat(shared.overlapped).isFalse();
    }

    @Test
    void aFailingRoundIsRetriedNotFatal() throws Exception {
        CountingPoller a = new CountingPoller(new Shared());
        a.fail = true;
        try (PollLoop loop = new PollLoop(a, leases, "instance-a", TTL, Clock.systemUTC()).start()) {
            await(() -> a.rounds.get() >= 2);   // backoff: 1 s after the first failure
            a.fail = false;
            int before = a.rounds.get();
            await(() -> a.rounds.get() > before + 3);
            assertThat(loop.holding()).isTrue();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 15 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
