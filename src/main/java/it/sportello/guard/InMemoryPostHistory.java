package it.sportello.guard;

import java.time.Duration;
import java.time.Instant;

/** Post fingerprints in memory, for a throw-away run; the store issue persists them. */
public final class InMemoryPostHistory implements PostHistory {

    private final WindowCounter counter = new WindowCounter();

    @Override
    public int record(String tenant, String author, String fingerprint, Instant at, Duration window) {
        return counter.record(tenant + "\u0000" + author + "\u0000" + fingerprint, at, window);
    }
}
