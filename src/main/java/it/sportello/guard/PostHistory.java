package it.sportello.guard;

import java.time.Duration;
import java.time.Instant;

/** What each author has posted, as fingerprints of the text (never the text), to recognise repeats. */
public interface PostHistory {

    /**
     * Records a post of {@code author} with {@code fingerprint} at {@code at} and returns how many posts
     * with the same fingerprint the author made within {@code window} before {@code at}, this one included.
     */
    int record(String tenant, String author, String fingerprint, Instant at, Duration window);
}
