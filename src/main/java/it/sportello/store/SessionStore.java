package it.sportello.store;

import java.time.Instant;
import java.util.Optional;

/** Console sessions, in the database so that any instance recognises them. */
public interface SessionStore {

    void create(ConsoleSession session);

    /** The session with this token hash, if it has not expired at {@code now}. */
    Optional<ConsoleSession> find(String tokenHash, Instant now);

    void delete(String tokenHash);

    /** Removes sessions expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
