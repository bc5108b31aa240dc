package it.sportello.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Events by key in memory: how many fell within a window before a given instant. */
final class WindowCounter {

    private final Map<String, List<Instant>> events = new ConcurrentHashMap<>();

    void record(String key, Instant at) {
        List<Instant> times = events.computeIfAbsent(key, k -> new ArrayList<>());
        synchronized (times) {
            times.add(at);
        }
    }

    /** The events in ({@code at - window}, {@code at}]. */
    int count(String key, Instant at, Duration window) {
        List<Instant> times = events.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant since = at.minus(window);
            // messages may arrive out of order: keep a second window of history before pruning
            times.removeIf(t -> t.isBefore(since.minus(window)));
            return (int) times.stream().filter(t -> t.isAfter(since) && !t.isAfter(at)).count();
        }
    }
}
