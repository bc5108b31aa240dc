package it.sportello.store;

import it.sportello.contract.Channel;
import java.time.Instant;
import java.util.List;

/** Replies and moderation actions waiting for their channel; the channels drain it. */
public interface OutboxStore {

    long enqueue(OutboxItem draft);

    /**
     * The replies for {@code recipient} on {@code channel} after item {@code afterId}, oldest first, marked
     * sent: the web chat collects its replies this way.
     */
    List<OutboxItem> collect(Channel channel, String recipient, long afterId, Instant at);

    /** Every item that concerns message {@code messageId}, oldest first. */
    List<OutboxItem> ofMessage(long messageId);

    /** Items of {@code channel} still pending, oldest first. */
    List<OutboxItem> pending(Channel channel, int limit);

    /**
     * Takes up to {@code limit} pending items of {@code tenant} on {@code channel} that are due at {@code now}, oldest first,
     * counting an attempt for each and leasing it until {@code now + lease}: another drainer (of this
     * instance or another) skips a leased item, and takes it over when the lease runs out without an
     * outcome (the drainer died).
     */
    List<OutboxItem> claimDue(String tenant, Channel channel, int limit, Instant now, java.time.Duration lease);

    /**
     * Notes that the platform is being called for claimed item {@code id}, until its outcome is recorded. Finding
     * such a note already there means an earlier call was cut off (its process died): the item is in doubt.
     */
    void attempting(long id);

    /** Gives a claimed item back, not tried, to be claimed again at {@code at} (its attempt is not counted). */
    void postpone(long id, Instant at);

    /** The platform carried the item out. */
    void markSent(long id, Instant at);

    /** The attempt failed and may succeed later: tried again at {@code retryAt}. */
    void retryLater(long id, Instant retryAt, String error);

    /**
     * How many items of {@code tenant} on {@code channel} were claimed again after an attempt that never
     * recorded its outcome (the process died during the platform's call): the platform may have carried
     * them out twice.
     */
    int inDoubt(String tenant, Channel channel);

    /** The item cannot be carried out (rejected by the platform, or out of attempts). */
    void markFailed(long id, String error, Instant at);
}
