package it.sportello.bench;

import it.sportello.app.Server;
import it.sportello.channel.ChannelConfig;
import it.sportello.channel.ChannelSettings;
import it.sportello.channel.FacebookPage;
import it.sportello.channel.TelegramBot;
import it.sportello.fake.FakeBotApi;
import it.sportello.fake.FakeGraphApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Messages a second through each channel adapter end to end: citizens write on a fake platform on 127.0.0.1,
 * {@code serve}'s poller takes them in, the intake stores and decides them on an embedded H2 store, the
 * delivery loop carries the replies out with the real client, and the fake records them. The platforms' own
 * limits are lifted (a fake has none); every message must be answered exactly once.
 */
public final class ChannelBench {

    /** One adapter's run. */
    public record Result(String channel, int messages, Duration elapsed, int lost, int duplicated) {
        public double perSecond() {
            return messages / (elapsed.toNanos() / 1e9);
        }
    }

    private static final String PAGE_ID = "100200300400";
    private static final String PAGE_TOKEN = "EAAB" + "bench0page0token0".repeat(4);
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    private ChannelBench() {
    }

    /** Runs the Telegram adapter, then the Facebook one, on {@code messages} citizens' questions each. */
    public static List<Result> run(Path home, List<String> questions, int messages) {
        Path data;
        try {
            data = Files.createTempDirectory("sportello-bench-channels");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (FakeBotApi telegram = new FakeBotApi(); FakeGraphApi graph = new FakeGraphApi(PAGE_ID, PAGE_TOKEN)) {
            ChannelConfig shipped = ChannelConfig.load(home.resolve("config/channels.yaml"), java.util.Map.of());
            ChannelConfig unlimited = new ChannelConfig(
                    new ChannelConfig.Telegram(URI.create(telegram.url()), 10, 1_000_000, 0),
                    new ChannelConfig.Facebook(URI.create(graph.url()), shipped.facebook().graphVersion(), 1, 1_000_000),
                    shipped.leaseSeconds());
            ChannelSettings channels = new ChannelSettings(unlimited,
                    List.of(new TelegramBot("ats-milano", FakeBotApi.TOKEN, Optional.empty())),
                    List.of(new FacebookPage("ats-milano", PAGE_ID, PAGE_TOKEN, "4455667788", "bench-app-secret",
                            Optional.empty())));
            graph.pageSize(100);   // Graph's largest page of comments
            try (Server server = Server.start(Server.Settings.embedded(home, data, 0).withChannels(channels),
                    Clock.systemDefaultZone())) {
                FakeBotApi.await("the pollers' leases", Duration.ofSeconds(30),
                        () -> server.polling("telegram:ats-milano") && server.polling("facebook:ats-milano"));
                List<Result> results = new ArrayList<>();
                telegram(telegram, questions, 500, 1);   // warm-up: classes loaded and compiled, connections open
                results.add(telegram(telegram, questions, messages, 100_000));
                String post = graph.addPost(Instant.now().minusSeconds(60));
                facebook(graph, post, questions, 500, 1);
                results.add(facebook(graph, post, questions, messages, 100_000));
                return results;
            }
        } finally {
            delete(data);
        }
    }

    private static Result telegram(FakeBotApi api, List<String> questions, int messages, long firstUser) {
        long t0 = System.nanoTime();
        List<FakeBotApi.Posted> posted = new ArrayList<>(messages);
        for (int i = 0; i < messages; i++) {
            posted.add(api.privateMessage(firstUser + i, questions.get(i % questions.size())));
        }
        return measure("telegram", t0, posted, () -> {
            Map<String, Integer> counts = api.replyCounts();
            return p -> counts.getOrDefault(p.externalId(), 0);
        });
    }

    private static Result facebook(FakeGraphApi graph, String post, List<String> questions, int messages, long firstUser) {
        long t0 = System.nanoTime();
        Instant at = Instant.now();
        List<String> comments = new ArrayList<>(messages);
        for (int i = 0; i < messages; i++) {
            comments.add(graph.addComment(post, Long.toString(9_000_000_000L + firstUser + i),
                    questions.get(i % questions.size()), at.plusMillis(i)));
        }
        return measure("facebook", t0, comments, () -> c -> graph.replies(c).size());
    }

    /** Waits until every message has a reply; the elapsed time runs from the first message to the last reply. */
    private static <T> Result measure(String channel, long t0, List<T> sent, Supplier<Function<T, Integer>> replies) {
        List<T> waiting = new ArrayList<>(sent);
        long deadline = t0 + DEADLINE.toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            Function<T, Integer> now = replies.get();
            waiting.removeIf(m -> now.apply(m) > 0);
            if (!waiting.isEmpty()) {
                sleep(100);
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        sleep(1000);   // a reply sent twice would show now
        Function<T, Integer> last = replies.get();
        int duplicated = (int) sent.stream().filter(m -> last.apply(m) > 1).count();
        return new Result(channel, sent.size(), elapsed, waiting.size(), duplicated);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind: the system cleans it
        }
    }
}
