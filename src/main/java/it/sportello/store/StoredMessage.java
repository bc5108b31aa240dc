package it.sportello.store;

import it.sportello.contract.Decision;
import it.sportello.contract.Message;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An inbound message as stored: {@code message.id()} is the channel's external id and
 * {@code message.text()} is redacted. {@code decision} is present once it was decided.
 */
public record StoredMessage(long id, Message message, boolean personalData, Instant receivedAt, MessageStatus status,
                            Optional<Decision> decision) {

    public StoredMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decision, "decision");
    }
}
