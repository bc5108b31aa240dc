package it.sportello.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When to try again after a failed attempt: {@code first}, doubled at each attempt up to {@code max}, and
 * never before what the platform asked (429 retry-after); none after {@code maxAttempts}.
 */
public record Backoff(Duration first, Duration max, int maxAttempts) {

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max and at least one attempt");
        }
    }

    /** A second, doubling to 10 minutes, for a day's worth of attempts. */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(10), 150);
    }

    /** The next attempt after {@code attempts} failed ones, or empty when they are used up. */
    public Optional<Instant> next(int attempts, Instant now, Optional<Duration> retryAfter) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = first.multipliedBy(1L << Math.min(30, Math.max(0, attempts - 1)));
        if (wait.compareTo(max) > 0) {
            wait = max;
        }
        if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
            wait = retryAfter.get();
        }
        return Optional.of(now.plus(wait));
    }
}
