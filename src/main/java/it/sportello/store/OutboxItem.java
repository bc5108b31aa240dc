package it.sportello.store;

import it.sportello.contract.Channel;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something to send to a channel: {@code recipient} is the author it concerns, {@code messageId} the stored
 * message it answers or acts on, {@code text} the reply (for {@link OutboxKind#REPLY}).
 */
public record OutboxItem(long id, String tenant, Channel channel, OutboxKind kind, String recipient,
                         Optional<Long> messageId, Optional<String> text, OutboxStatus status, int attempts,
                         Instant createdAt, Optional<Instant> sentAt) {

    public OutboxItem {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sentAt, "sentAt");
        if (kind == OutboxKind.REPLY && text.isEmpty()) {
            throw new IllegalArgumentException("a reply needs a text");
        }
    }

    /** A new item, not yet stored. */
    public static OutboxItem draft(String tenant, Channel channel, OutboxKind kind, String recipient,
                                   Optional<Long> messageId, Optional<String> text, Instant at) {
        return new OutboxItem(0, tenant, channel, kind, recipient, messageId, text, OutboxStatus.PENDING, 0, at,
                Optional.empty());
    }
}
