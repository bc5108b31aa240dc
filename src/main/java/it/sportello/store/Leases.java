package it.sportello.store;

import java.time.Duration;
import java.time.Instant;

/**
 * Named leases that instances sharing one database take in turn: the holder renews its lease before it
 * expires; when it stops renewing (it died), another instance acquires it.
 */
public interface Leases {

    /**
     * Takes or renews lease {@code name} for {@code holder} until {@code now + ttl}; false when another holder's
     * lease is still running.
     */
    boolean tryAcquire(String name, String holder, Instant now, Duration ttl);

    /** Gives the lease up at once, if {@code holder} has it. */
    void release(String name, String holder, Instant now);
}
