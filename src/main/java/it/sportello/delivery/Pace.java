package it.sportello.delivery;

import it.sportello.store.OutboxItem;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * How fast a platform lets one sender go: at most {@code perSecond} calls overall, and one call per
 * {@code perKey} for items of the same key (Telegram: 30 a second overall, one a second per chat). The
 * overall limit waits; an item whose key went out too recently is put off instead, so that one busy chat
 * does not hold up the others.
 */
public final class Pace {

    private final long nanosPerCall;
    private final Duration perKey;
    private final Function<OutboxItem, Optional<String>> key;
    private final Map<String, Instant> lastByKey = new HashMap<>();
    private long nextSlot = System.nanoTime();

    public Pace(int perSecond, Duration perKey, Function<OutboxItem, Optional<String>> key) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1");
        }
        this.nanosPerCall = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.perKey = Objects.requireNonNull(perKey, "perKey");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** No limit: for platforms that state theirs in their answers (Facebook's usage headers) and for tests. */
    public static Pace unlimited() {
        return new Pace(1_000_000, Duration.ZERO, item -> Optional.empty());
    }

    /**
     * Admits {@code item} at {@code now}, or says when it may go: its key's last call was less than
     * {@code perKey} ago.
     */
    public synchronized Optional<Instant> admit(OutboxItem item, Instant now) {
        if (perKey.isZero()) {
            return Optional.empty();
        }
        Optional<String> k = key.apply(item);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        Instant last = lastByKey.get(k.get());
        if (last != null && now.isBefore(last.plus(perKey))) {
            return Optional.of(last.plus(perKey));
        }
        lastByKey.put(k.get(), now);
        if (lastByKey.size() > 10_000) {
            lastByKey.values().removeIf(t -> t.plus(perKey).isBefore(now));
        }
        return Optional.empty();
    }

    /** Waits for the next slot of the overall limit. */
    public void awaitSlot() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + nanosPerCall;
            wait = slot - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
