package it.sportello.app;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.store.Database;
import it.sportello.store.DatabaseConfig;
import it.sportello.store.MessageStatus;
import it.sportello.store.StoredMessage;
import it.sportello.testing.ServeProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} killed with SIGKILL in the middle of a burst: every message the API acknowledged is in the
 * store, decided; what was stored but not decided is decided at the next start; and delivering the whole
 * burst again processes nothing twice.
 */
class KillNineTest {

    private static final int MESSAGES = 400;

    @TempDir
    Path data;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    @Timeout(180)
    void acknowledgedMessagesSurviveKillNineAndRetriesAreNotProcessedTwice() throws Exception {
        ServeProcess serve = ServeProcess.start(data, Map.of(), "--messages-per-minute", "1000000");
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        try {
            String base = serve.baseUrl();
            ExecutorService senders = Executors.newFixedThreadPool(8);
            for (int i = 0; i < MESSAGES; i++) {
                String id = "k" + i;
                senders.submit(() -> {
                    sent.incrementAndGet();
                    post(base, id).ifPresent(decision -> acknowledged.put(id, decision));
                });
            }
            while (acknowledged.size() < MESSAGES / 4) {
                Thread.sleep(5);
            }
            serve.kill();   // SIGKILL on Linux: no shutdown hook runs
            senders.shutdown();
            assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            serve.kill();
        }
        assertThat(acknowledged.size()).isBetween(MESSAGES / 4, MESSAGES - 1);

        int undecidedAtRestart;
        try (Database database = Database.open(DatabaseConfig.embedded(data))) {
            undecidedAtRestart = database.stores().messages().undecided(MESSAGES).size();
            for (String id : acknowledged.keySet()) {
                StoredMessage stored = find(database, id).orElseThrow(() -> new AssertionError(id + " was acknowledged but lost"));
                assertThat(stored.status()).as(id).isEqualTo(MessageStatus.DECIDED);
            }
        }

        try (Server again = Server.start(new Server.Settings(Path.of("."), data, "127.0.0.1", 0, DatabaseConfig.embedded(data),
                1_000_000, 1_000_000, Duration.ofSeconds(5)), Clock.systemDefaultZone(), it.sportello.Fixtures.TRAINER)) {
            int duplicates = 0;
            for (int i = 0; i < MESSAGES; i++) {
                String id = "k" + i;
                HttpResponse<String> r = send(again.baseUrl(), id);
                assertThat(r.statusCode()).as(id).isEqualTo(200);
                boolean duplicate = r.headers().firstValue("X-Sportello-Duplicate").isPresent();
                if (acknowledged.containsKey(id)) {
                    assertThat(duplicate).as(id + " was processed twice").isTrue();
                    assertThat(r.body()).as(id).isEqualTo(acknowledged.get(id));
                }
                duplicates += duplicate ? 1 : 0;
            }
            assertThat(again.stores().messages().undecided(10)).isEmpty();
            assertThat(duplicates).isGreaterThanOrEqualTo(acknowledged.size());
            System.out.printf("kill -9: %d requests started, %d acknowledged before the kill and all found decided; "
                    + "%d stored in all, of which %d undecided at restart and decided by recovery; the %d redeliveries "
                    + "processed %d new messages and none twice%n", sent.get(), acknowledged.size(), duplicates,
                    undecidedAtRestart, MESSAGES, MESSAGES - duplicates);
        }
    }

    private static Optional<StoredMessage> find(Database database, String externalId) {
        for (long id = 1; id <= MESSAGES; id++) {
            Optional<StoredMessage> m = database.stores().messages().find(id);
            if (m.isPresent() && m.get().message().id().equals(externalId)) {
                return m;
            }
        }
        return Optional.empty();
    }

    private Optional<String> post(String base, String id) {
        try {
            HttpResponse<String> r = send(base, id);
            return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private HttpResponse<String> send(String base, String id) throws IOException, InterruptedException {
        String body = "{\"id\":\"" + id + "\",\"tenant\":\"ats-milano\",\"channel\":\"web\",\"kind\":\"message\","
                + "\"author\":\"web:killnine0000000" + (id.hashCode() & 7) + "\",\"text\":\"Come si prenota una visita? ("
                + id + ")\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/messages"))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
