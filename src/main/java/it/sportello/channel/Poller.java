package it.sportello.channel;

import java.time.Duration;

/**
 * Fetches what a platform has for one tenant (Telegram's updates, a Facebook page's new comments) and
 * hands each to the intake. Run by a {@link PollLoop}, by one instance at a time.
 */
public interface Poller {

    /** The lease and cursor name, e.g. {@code telegram:ats-milano}. */
    String name();

    /**
     * One round: fetch, hand in, then move the cursor past what was handed in, so that a crash repeats a
     * round (the intake recognises the duplicates) and never skips one. Blocks at most a long-poll timeout.
     */
    void pollOnce() throws Exception;

    /** The pause between two rounds (zero for long polling, which waits on the platform's side). */
    Duration interval();

    /**
     * What went wrong in a round, for the log: the platform's code and words where it gave them, never a URL
     * (the Bot API's carry the token in the path, facebook4j's in the query).
     */
    default String describe(Exception e) {
        return e.getClass().getSimpleName();
    }
}
