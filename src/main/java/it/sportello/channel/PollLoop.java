package it.sportello.channel;

import it.sportello.delivery.Backoff;
import it.sportello.store.Leases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Poller} on its own thread while this instance holds the poller's lease, renewed before
 * every round; the other instances wait and take over when the holder stops renewing. A failed round is
 * retried with exponential backoff; nothing a round fails on stops the loop.
 */
public final class PollLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PollLoop.class);
    /** How often an instance standing by looks again: a lease given up is taken within this. */
    private static final Duration STANDBY = Duration.ofSeconds(2);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2), Integer.MAX_VALUE);

    private final Poller poller;
    private final Leases leases;
    private final String holder;
    private final Duration ttl;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean holding;

    /** {@code ttl} must be longer than one round (a long poll's timeout). */
    public PollLoop(Poller poller, Leases leases, String holder, Duration ttl, Clock clock) {
        this.poller = poller;
        this.leases = leases;
        this.holder = holder;
        this.ttl = ttl;
        this.clock = clock;
        this.thread = new Thread(this::run, "sportello-poll-" + poller.name());
        this.thread.setDaemon(true);
    }

    public PollLoop start() {
        thread.start();
        return this;
    }

    public String name() {
        return poller.name();
    }

    /** True while this instance holds the lease (for health and tests). */
    public boolean holding() {
        return holding;
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                boolean mine = leases.tryAcquire(poller.name(), holder, clock.instant(), ttl);
                if (mine != holding) {
                    LOG.atInfo().setMessage(mine ? "poller lease taken" : "poller lease lost").addKeyValue("poller", poller.name())
                            .addKeyValue("holder", holder).log();
                    holding = mine;
                }
                if (!mine) {
                    sleep(STANDBY.compareTo(ttl.dividedBy(4)) < 0 ? STANDBY : ttl.dividedBy(4));
                    continue;
                }
                poller.pollOnce();
                failures = 0;
                sleep(poller.interval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                failures++;
                Instant now = clock.instant();
                Duration wait = Duration.between(now, BACKOFF.next(failures, now, Optional.empty()).orElseThrow());
                LOG.atWarn().setMessage("poll failed").addKeyValue("poller", poller.name()).addKeyValue("failures", failures)
                        .addKeyValue("error", poller.describe(e)).addKeyValue("retry_ms", wait.toMillis()).log();
                try {
                    sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    private void sleep(Duration d) throws InterruptedException {
        if (!d.isZero() && running) {
            TimeUnit.MILLISECONDS.sleep(d.toMillis());
        }
    }

    /** Stops polling and gives the lease up, so another instance takes over at once. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (holding) {
            try {
                leases.release(poller.name(), holder, clock.instant());
            } catch (RuntimeException e) {
                LOG.atWarn().setMessage("could not release a poller lease").addKeyValue("poller", poller.name()).log();
            }
        }
    }
}
