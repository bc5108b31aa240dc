package it.sportello.web;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code burst} requests at once, then one every {@code 60 / perMinute} seconds.
 * Buckets of quiet clients are dropped when the map grows, so a flood of addresses cannot exhaust memory.
 */
public final class RateLimiter {

    private static final int MAX_CLIENTS = 50_000;

    private final double perMilli;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public RateLimiter(int perMinute, int burst, Clock clock) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("rate limit must be positive");
        }
        this.perMilli = perMinute / 60_000.0;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes a token for {@code client}; returns 0 when allowed, else the seconds to wait. */
    public long acquire(String client) {
        long now = clock.millis();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.entrySet().removeIf(e -> refill(e.getValue(), now) >= burst);
        }
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        synchronized (b) {
            refill(b, now);
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perMilli / 1000));
        }
    }

    private double refill(Bucket b, long now) {
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.at) * perMilli);
            b.at = Math.max(b.at, now);
            return b.tokens;
        }
    }
}
