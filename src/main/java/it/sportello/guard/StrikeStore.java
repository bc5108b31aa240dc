package it.sportello.guard;

import java.time.Duration;
import java.time.Instant;

/** An author's netiquette violations, for warnings and ban proposals. */
public interface StrikeStore {

    /**
     * Records a violation of {@code author} (channel-scoped id) on {@code tenant} at {@code at} and
     * returns how many violations the author has within {@code window} before {@code at}, this one included.
     */
    int record(String tenant, String author, Instant at, Duration window);
}
