package it.sportello.store;

import it.sportello.contract.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Bans proposed, confirmed, rejected and lifted. Only a moderator's confirmation makes a ban real. */
public interface BanStore {

    /** Records the guard's proposal for the author of message {@code messageId}; one open proposal per author. */
    long propose(String tenant, String author, Channel channel, long messageId, Instant at);

    /** Confirms or rejects a proposed ban; false when it is no longer proposed. */
    boolean decide(long id, BanStatus outcome, String moderator, Instant at);

    /** Lifts a confirmed ban; false when it is not confirmed. */
    boolean lift(long id, String moderator, Instant at);

    Optional<Ban> find(long id);

    /** The ban proposed because of message {@code messageId}, if any. */
    Optional<Ban> forMessage(long messageId);

    /** An author's bans on a tenant, newest first. */
    List<Ban> ofAuthor(String tenant, String author);

    /** A tenant's bans in a status, newest first. */
    List<Ban> list(String tenant, BanStatus status, int limit);
}
