package it.sportello.guard;

import java.time.Duration;
import java.time.Instant;

/** An author's netiquette violations, for warnings and ban proposals. */
public interface StrikeStore {

    /** How many violations {@code author} (channel-scoped id) has on {@code tenant} in ({@code at - window}, {@code at}]. */
    int count(String tenant, String author, Instant at, Duration window);

    /** Records a violation of {@code author} at {@code at}. */
    void record(String tenant, String author, Instant at);
}
