package it.sportello.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.app.Server;
import it.sportello.bench.Benchmark;
import it.sportello.bench.WebLoad;
import it.sportello.contract.Message;
import it.sportello.store.DatabaseConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench web}: the web API under load, end to end through HTTP and the H2 store. */
@Command(name = "web", mixinStandardHelpOptions = true,
        description = {"Starts serve on 127.0.0.1 with a fresh embedded H2 store in a temporary folder and sends it",
                "an open-loop load of citizens' messages through POST /api/v1/messages; prints throughput and",
                "latency percentiles. Exit 1 when the target (p99 under 50 ms at the rate) is missed."})
final class WebBenchCommand implements Callable<Integer> {

    static final double TARGET_P99_MILLIS = 50;

    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Option(names = "--rate", defaultValue = "500", description = "messages a second (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--seconds", defaultValue = "20", description = "length of the timed run (default: ${DEFAULT-VALUE})")
    int seconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path data = Files.createTempDirectory("sportello-bench-web");
        Server.Settings settings = new Server.Settings(home.home, data, "127.0.0.1", 0, DatabaseConfig.embedded(data),
                10_000_000, 10_000_000, Duration.ofSeconds(5));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try (Server server = Server.start(settings, Clock.systemDefaultZone())) {
            List<Message> pool = new ArrayList<>();
            for (String tenant : server.sportello().tenants().ids()) {
                pool.addAll(Benchmark.questions(tenant, server.sportello().knowledgeBase(tenant).sections(), 2000, 5));
            }
            URI base = URI.create(server.baseUrl());
            out.printf(Locale.ROOT, "Sportello web bench: Java %s, %d cores, store %s%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), settings.database().describe());
            out.flush();
            WebLoad.Result warm = WebLoad.run(base, bodies(pool, "warm", rate * 5), rate, client);
            out.printf(Locale.ROOT, "warm-up  %s%n", line(warm));
            WebLoad.Result timed = WebLoad.run(base, bodies(pool, "timed", rate * seconds), rate, client);
            out.printf(Locale.ROOT, "timed    %s%n", line(timed));
            boolean ok = timed.errors() == 0 && timed.p99Millis() < TARGET_P99_MILLIS && timed.perSecond() >= rate * 0.95;
            out.printf(Locale.ROOT, "target %d messages/s with p99 < %.0f ms and no errors: %s%n", rate, TARGET_P99_MILLIS,
                    ok ? "met" : "MISSED");
            out.flush();
            return ok ? 0 : 1;
        } finally {
            deleteTree(data);
        }
    }

    private static String line(WebLoad.Result r) {
        return String.format(Locale.ROOT, "%6d sent, %6d ok, %d errors in %5.1f s: %6.0f/s, p50 %5.1f ms, p99 %5.1f ms, max %6.1f ms",
                r.sent(), r.ok(), r.errors(), r.seconds(), r.perSecond(), r.p50Millis(), r.p99Millis(), r.maxMillis());
    }

    /** The messages as JSON bodies, each with its own id; authors are web ids the API accepts. */
    private static List<String> bodies(List<Message> pool, String run, int count) {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Message m = pool.get(i % pool.size());
            out.add(json.createObjectNode().put("id", run + "-" + i).put("tenant", m.tenant()).put("channel", "web")
                    .put("kind", "message").put("author", String.format(Locale.ROOT, "web:loadclient%06d", i % 500))
                    .put("text", m.text()).toString());
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
