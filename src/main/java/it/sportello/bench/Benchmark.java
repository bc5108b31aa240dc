package it.sportello.bench;

import it.sportello.contract.Channel;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.kb.Section;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Times decisions on one thread; the figures printed by {@code bench}. */
public final class Benchmark {

    /** Latency and throughput of one run. */
    public record Figures(int decisions, double perSecond, double p50Micros, double p99Micros, double maxMicros) { }

    private Benchmark() {
    }

    /** Questions citizens could write: each section's example questions, some with a typo, some with a phone number. */
    public static List<Message> questions(String tenant, List<Section> sections, int count, long seed) {
        List<String> pool = sections.stream().flatMap(s -> s.questions().stream()).toList();
        Random random = new Random(seed);
        OffsetDateTime at = OffsetDateTime.parse("2026-11-25T11:00:00+01:00");
        List<Message> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String q = pool.get(random.nextInt(pool.size()));
            if (random.nextInt(4) == 0 && q.length() > 8) {
                int k = 1 + random.nextInt(q.length() - 2);
                q = q.substring(0, k) + q.substring(k + 1);
            }
            if (random.nextInt(10) == 0) {
                q = q + " chiamatemi al 333 " + (1000000 + random.nextInt(8999999));
            }
            out.add(new Message("b" + i, tenant, Channel.WEB, Kind.COMMENT, "web:bench" + (i % 500), at, q));
        }
        return out;
    }

    /** Warms up for {@code warmup} decisions, then times each of {@code messages}. */
    public static Figures time(Function<Message, ?> decide, List<Message> messages, int warmup) {
        for (int i = 0; i < warmup; i++) {
            decide.apply(messages.get(i % messages.size()));
        }
        long[] nanos = new long[messages.size()];
        long start = System.nanoTime();
        for (int i = 0; i < messages.size(); i++) {
            long t0 = System.nanoTime();
            decide.apply(messages.get(i));
            nanos[i] = System.nanoTime() - t0;
        }
        long total = System.nanoTime() - start;
        Arrays.sort(nanos);
        return new Figures(nanos.length, nanos.length / (total / 1e9), percentile(nanos, 0.50) / 1e3,
                percentile(nanos, 0.99) / 1e3, nanos[nanos.length - 1] / 1e3);
    }

    /** Live heap after a collection, in MiB. */
    public static double liveHeapMib() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
    }

    /** The highest heap use seen by the JVM so far (all heap pools), in MiB. */
    public static double peakHeapMib() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024.0 * 1024.0);
    }

    public static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    public static List<Section> synthetic(List<Section> seed, int count) {
        return SyntheticKnowledgeBase.generate(seed, count, 42);
    }
}
