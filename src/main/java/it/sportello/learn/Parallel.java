package it.sportello.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Training's independent steps on a pool of its own, results in the input's order. */
public final class Parallel {

    private Parallel() {
    }

    public static <T, R> List<R> map(List<T> items, Function<T, R> step, int threads) {
        if (threads <= 1 || items.size() < 2) {
            return items.stream().map(step).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "training");
            t.setDaemon(true);
            return t;
        });
        try {
            int chunk = (items.size() + threads - 1) / threads;
            List<Future<List<R>>> parts = new ArrayList<>();
            for (int from = 0; from < items.size(); from += chunk) {
                List<T> slice = items.subList(from, Math.min(items.size(), from + chunk));
                parts.add(pool.submit(() -> slice.stream().map(step).toList()));
            }
            List<R> out = new ArrayList<>(items.size());
            for (Future<List<R>> p : parts) {
                out.addAll(p.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
