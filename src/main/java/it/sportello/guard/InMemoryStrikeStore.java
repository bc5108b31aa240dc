package it.sportello.guard;

import java.time.Duration;
import java.time.Instant;

/** Strikes in memory, for a throw-away run ({@code ask --jsonl}, tests); the store issue persists them. */
public final class InMemoryStrikeStore implements StrikeStore {

    private final WindowCounter counter = new WindowCounter();

    @Override
    public int record(String tenant, String author, Instant at, Duration window) {
        return counter.record(tenant + "\u0000" + author, at, window);
    }
}
