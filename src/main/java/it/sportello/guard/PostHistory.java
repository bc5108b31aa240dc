package it.sportello.guard;

import java.time.Duration;
import java.time.Instant;

/** What each author has posted, as fingerprints of the text (never the text), to recognise repeats. */
public interface PostHistory {

    /** How many posts of {@code author} with {@code fingerprint} fall in ({@code at - window}, {@code at}]. */
    int count(String tenant, String author, String fingerprint, Instant at, Duration window);

    /** Records a post of {@code author} with {@code fingerprint} at {@code at}. */
    void record(String tenant, String author, String fingerprint, Instant at);
}
