package it.sportello.delivery;

import it.sportello.contract.Channel;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains one tenant's outbox on one channel: claims the due items (leased, so another drainer skips them), sends each,
 * and records the outcome. A platform outage delays items and loses none; an item the platform rejects,
 * or that runs out of attempts, is marked failed for a moderator to see.
 */
public final class OutboxDrainer {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDrainer.class);

    private final String tenant;
    private final Channel channel;
    private final OutboxStore outbox;
    private final ChannelSender sender;
    private final Backoff backoff;
    private final Duration lease;
    private final Pace pace;
    private final Clock clock;

    public OutboxDrainer(String tenant, Channel channel, OutboxStore outbox, ChannelSender sender, Backoff backoff,
                         Duration lease, Pace pace, Clock clock) {
        this.pace = pace;
        this.tenant = tenant;
        this.channel = channel;
        this.outbox = outbox;
        this.sender = sender;
        this.backoff = backoff;
        this.lease = lease;
        this.clock = clock;
    }

    /**
     * Sends what is due now, up to {@code limit} items, at the platform's pace; returns how many were claimed.
     * An item its pace puts off goes back to the queue without counting an attempt.
     */
    public int drainOnce(int limit) throws InterruptedException {
        Instant claimedAt = clock.instant();
        List<OutboxItem> claimed = outbox.claimDue(tenant, channel, limit, claimedAt, lease);
        // past half the lease, the rest of the batch goes back: another drainer may take it once it runs out
        Instant giveBackAfter = claimedAt.plus(lease.dividedBy(2));
        for (OutboxItem item : claimed) {
            if (clock.instant().isAfter(giveBackAfter)) {
                outbox.postpone(item.id(), clock.instant());
                continue;
            }
            Optional<Instant> later = pace.admit(item, clock.instant());
            if (later.isPresent()) {
                outbox.postpone(item.id(), later.get());
                continue;
            }
            pace.awaitSlot();
            outbox.attempting(item.id());
            Delivery outcome;
            try {
                outcome = sender.send(item);
            } catch (RuntimeException e) {
                outcome = new Delivery.Retry(Optional.empty(), e.getClass().getSimpleName());
            }
            record(item, outcome);
        }
        return claimed.size();
    }

    private void record(OutboxItem item, Delivery outcome) {
        Instant now = clock.instant();
        if (outcome instanceof Delivery.Rejected rejected) {
            outbox.markFailed(item.id(), rejected.error(), now);
            log("outbox item rejected", item, rejected.error());
        } else if (outcome instanceof Delivery.Retry retry) {
            Optional<Instant> next = backoff.next(item.attempts(), now, retry.after());
            if (next.isPresent()) {
                outbox.retryLater(item.id(), next.get(), retry.error());
            } else {
                outbox.markFailed(item.id(), "out of attempts: " + retry.error(), now);
                log("outbox item out of attempts", item, retry.error());
            }
        } else {
            outbox.markSent(item.id(), now);
        }
    }

    private static void log(String what, OutboxItem item, String error) {
        LOG.atWarn().setMessage(what).addKeyValue("item", item.id()).addKeyValue("channel", item.channel().wire())
                .addKeyValue("kind", item.kind()).addKeyValue("attempts", item.attempts()).addKeyValue("error", error).log();
    }
}
