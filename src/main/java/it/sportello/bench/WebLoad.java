package it.sportello.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load on the web API: request {@code i} is due at {@code start + i / rate} whatever happened
 * to the others, and its latency is counted from that moment, so a server that stalls is not flattered by
 * a client that waits for it (no coordinated omission).
 */
public final class WebLoad {

    /** What one run measured. */
    public record Result(int sent, int ok, int errors, double seconds, double perSecond, double p50Millis,
                         double p99Millis, double maxMillis) { }

    private WebLoad() {
    }

    /** Sends {@code bodies} (JSON messages) to {@code base}/api/v1/messages at {@code rate} a second. */
    public static Result run(URI base, List<String> bodies, int rate, HttpClient client) throws InterruptedException {
        URI target = base.resolve("/api/v1/messages");
        int n = bodies.size();
        long[] latencies = new long[n];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int at = i;
            HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencies[at] = System.nanoTime() - due;
                if (failure == null && response.statusCode() == 200) {
                    ok.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
                done.countDown();
            });
        }
        done.await(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(n, ok.get(), errors.get(), seconds, ok.get() / seconds, percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6, sorted[n - 1] / 1e6);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
