package it.sportello.store;

import it.sportello.contract.Decision;
import it.sportello.contract.Message;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Inbound messages, each written before it is processed. */
public interface MessageStore {

    /**
     * Writes {@code redacted} (its id is the channel's external id, its text already redacted) with status
     * {@code received}, or returns the row already stored for the same tenant, channel and external id.
     */
    Accepted accept(Message redacted, boolean personalData, Instant receivedAt);

    /** Records the decision taken on message {@code id}; the decision's reply is what the citizen was told. */
    void decided(long id, Decision decision, Instant at);

    /**
     * Records the decision on {@code m} and what follows from it (an escalation, a ban proposal, items for
     * the outbox) in one transaction: a crash leaves either all of it or none, and the message undecided.
     */
    Recorded decided(StoredMessage m, Decision decision, Followups followups, Instant at);

    /** Marks message {@code id} as failed with a short error (no citizen text). */
    void failed(long id, String error, Instant at);

    Optional<StoredMessage> find(long id);

    /** Messages stored but never decided (the process stopped in between), oldest first. */
    List<StoredMessage> undecided(int limit);

    /** An author's recent moderated messages (their strike history), newest first. */
    List<StoredMessage> moderatedOf(String tenant, String author, Instant since, int limit);
}
