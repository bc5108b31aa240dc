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
}
