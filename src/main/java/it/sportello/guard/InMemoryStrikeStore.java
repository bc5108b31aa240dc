package it.sportello.guard;

import java.time.Duration;
import java.time.Instant;

/** Strikes in memory, for a throw-away run ({@code ask --jsonl}, tests). */
public final class InMemoryStrikeStore implements StrikeStore {

    private final WindowCounter counter = new WindowCounter();

    @Override
    public int count(String tenant, String author, Instant at, Duration window) {
        return counter.count(tenant + "\u0000" + author, at, window);
    }

    @Override
    public void record(String tenant, String author, Instant at) {
        counter.record(tenant + "\u0000" + author, at);
    }
}
