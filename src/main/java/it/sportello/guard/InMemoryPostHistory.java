package it.sportello.guard;

import java.time.Duration;
import java.time.Instant;

/** Post fingerprints in memory, for a throw-away run ({@code ask --jsonl}, tests). */
public final class InMemoryPostHistory implements PostHistory {

    private final WindowCounter counter = new WindowCounter();

    @Override
    public int count(String tenant, String author, String fingerprint, Instant at, Duration window) {
        return counter.count(key(tenant, author, fingerprint), at, window);
    }

    @Override
    public void record(String tenant, String author, String fingerprint, Instant at) {
        counter.record(key(tenant, author, fingerprint), at);
    }

    private static String key(String tenant, String author, String fingerprint) {
        return tenant + "\u0000" + author + "\u0000" + fingerprint;
    }
}
