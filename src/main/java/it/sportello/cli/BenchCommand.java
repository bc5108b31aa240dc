package it.sportello.cli;

import it.sportello.app.Sportello;
import it.sportello.bench.Benchmark;
import it.sportello.bench.Benchmark.Figures;
import it.sportello.contract.Message;
import it.sportello.kb.Section;
import it.sportello.search.SectionIndex;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Speed and memory of the decision pipeline, against the targets of the README. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures decisions per second and p50/p99 latency on one thread over the shipped knowledge",
                "base and over a synthetic one, index build times and heap. Exit 1 when a target is missed.",
                "Run it as: java -Xmx256m -jar target/sportello.jar bench",
                "The web API under load: scripts/load.sh (wrk)."})
final class BenchCommand implements Callable<Integer> {

    static final double TARGET_P99_MICROS = 2000;
    static final double TARGET_PER_SECOND = 2000;
    static final double TARGET_BUILD_SECONDS = 10;
    static final double TARGET_HEAP_MIB = 256;
    static final double TARGET_GUARD_P99_MICROS = 200;

    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Option(names = "--decisions", defaultValue = "20000", description = "timed decisions per run (default: ${DEFAULT-VALUE})")
    int decisions;

    @Option(names = "--sections", defaultValue = "10000", description = "sections of the synthetic knowledge base (default: ${DEFAULT-VALUE})")
    int syntheticSections;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Benchmark.resetPeaks();
        try (Sportello sportello = home.start()) {
            out.printf(Locale.ROOT, "Sportello bench: Java %s, %d cores, max heap %.0f MiB%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1048576.0);
            List<Message> shipped = new ArrayList<>();
            List<Section> all = new ArrayList<>();
            double worstBuild = 0;
            for (String tenant : sportello.tenants().ids()) {
                List<Section> sections = sportello.knowledgeBase(tenant).sections();
                all.addAll(sections);
                long t0 = System.nanoTime();
                try (SectionIndex ignored = SectionIndex.build(sections, sportello.analysis())) {
                    double ms = (System.nanoTime() - t0) / 1e6;
                    out.printf(Locale.ROOT, "shipped %-12s %5d sections, index built in %7.1f ms%n", tenant, sections.size(), ms);
                }
                shipped.addAll(Benchmark.questions(tenant, sections, decisions / sportello.tenants().ids().size(), 7));
            }
            Figures small = Benchmark.time(sportello.responder()::decide, shipped, decisions);
            print(out, "shipped knowledge base", small);
            Figures guard = Benchmark.time(m -> sportello.guard().inspect(m, sportello.tenants().get(m.tenant()), false), shipped, decisions);
            print(out, "guard alone", guard);

            List<Section> synthetic = Benchmark.synthetic(all, syntheticSections);
            long t0 = System.nanoTime();
            Figures large;
            double buildSeconds;
            try (SectionIndex index = SectionIndex.build(synthetic, sportello.analysis())) {
                buildSeconds = (System.nanoTime() - t0) / 1e9;
                out.printf(Locale.ROOT, "synthetic    %5d sections, index built in %7.2f s%n", synthetic.size(), buildSeconds);
                String tenant = sportello.tenants().ids().get(0);
                List<Message> questions = Benchmark.questions(tenant, synthetic, decisions, 11);
                large = Benchmark.time(sportello.responderOver(tenant, index)::decide, questions, decisions / 2);
                print(out, "synthetic knowledge base", large);
                double live = Benchmark.liveHeapMib();
                double peak = Benchmark.peakHeapMib();
                out.printf(Locale.ROOT, "heap: %.1f MiB live after a collection with every index loaded; pools' peaks %.1f MiB"
                        + " (garbage included); max heap %.0f MiB%n", live, peak, Runtime.getRuntime().maxMemory() / 1048576.0);
                boolean ok = check(out, "p99 per decision, shipped knowledge base", small.p99Micros() / 1000, TARGET_P99_MICROS / 1000, "ms", true)
                        & check(out, "decisions a second on one thread, shipped", small.perSecond(), TARGET_PER_SECOND, "/s", false)
                        & check(out, "p99 of the guard on top of retrieval", guard.p99Micros() / 1000, TARGET_GUARD_P99_MICROS / 1000, "ms", true)
                        & check(out, "build of the synthetic index", buildSeconds, TARGET_BUILD_SECONDS, "s", true)
                        & check(out, "live heap, every index loaded", live, TARGET_HEAP_MIB, "MiB", true);
                out.flush();
                return ok ? 0 : 1;
            }
        }
    }

    private static void print(PrintWriter out, String what, Figures f) {
        out.printf(Locale.ROOT, "%-24s %6d decisions on one thread: %8.0f/s, p50 %6.0f us, p99 %6.0f us, max %6.0f us%n",
                what, f.decisions(), f.perSecond(), f.p50Micros(), f.p99Micros(), f.maxMicros());
    }

    private static boolean check(PrintWriter out, String what, double value, double target, String unit, boolean below) {
        boolean ok = below ? value < target : value >= target;
        out.printf(Locale.ROOT, "target %-42s %10.2f %-3s %s %8.2f  %s%n", what, value, unit, below ? "<" : ">=", target,
                ok ? "met" : "MISSED");
        return ok;
    }
}
