package it.sportello.store;

import java.time.Instant;
import java.util.Optional;

/** Where each poller left off, kept across restarts and take-overs. */
public interface Cursors {

    Optional<String> get(String name);

    void put(String name, String value, Instant at);
}
