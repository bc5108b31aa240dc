package it.sportello.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code perUser} failures for one username from one address, or
 * {@code perAddress} failures from one address whatever the username, within {@code window}, logins are
 * refused until the oldest failure leaves the window. In memory: a restart forgets, which costs an attacker
 * a restart of our service, not a way round. Kept small so a flood of addresses cannot exhaust memory.
 */
final class LoginThrottle {

    private static final int MAX_KEYS = 20_000;

    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int perUser, int perAddress, Duration window, Clock clock) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /** The policy of the console: 5 failures per username and address, 20 per address, in 15 minutes. */
    static LoginThrottle standard(Clock clock) {
        return new LoginThrottle(5, 20, Duration.ofMinutes(15), clock);
    }

    /** Seconds to wait before another attempt, 0 when one is allowed. */
    long waitSeconds(String username, String address) {
        Instant now = clock.instant();
        return Math.max(wait(userKey(username, address), perUser, now), wait(addressKey(address), perAddress, now));
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minus(window));
                }
            });
        }
        for (String key : new String[] {userKey(username, address), addressKey(address)}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
                while (times.size() > Math.max(perUser, perAddress)) {
                    times.removeFirst();
                }
            }
        }
    }

    /** A successful login forgets that username's failures from that address. */
    void succeeded(String username, String address) {
        failures.remove(userKey(username, address));
    }

    private long wait(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant cutoff = now.minus(window);
            while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
                times.removeFirst();
            }
            if (times.size() < limit) {
                return 0;
            }
            Instant freed = times.stream().skip(times.size() - limit).findFirst().orElseThrow().plus(window);
            return Math.max(1, Duration.between(now, freed).toSeconds());
        }
    }

    private static String userKey(String username, String address) {
        return "u:" + username + "\n" + address;
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
