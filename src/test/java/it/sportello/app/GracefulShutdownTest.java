package it.sportello.app;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.store.Database;
import it.sportello.store.DatabaseConfig;
import it.sportello.store.StoredMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping {@code serve} in the middle of a burst: requests in flight finish and are recorded, none is left
 * half processed, and every acknowledged message is in the store, decided.
 */
class GracefulShutdownTest {

    private static final int MESSAGES = 300;

    @TempDir
    Path data;

    @Test
    @Timeout(120)
    void aStopLetsRequestsInFlightFinish() throws Exception {
        Server server = Server.start(new Server.Settings(Path.of("."), data, "127.0.0.1", 0, DatabaseConfig.embedded(data),
                1_000_000, 1_000_000, Duration.ofSeconds(10)), Clock.systemDefaultZone(), it.sportello.Fixtures.TRAINER);
        String base = server.baseUrl();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(12);
        for (int i = 0; i < MESSAGES; i++) {
            String id = "g" + i;
            senders.submit(() -> {
                try {
                    if (send(client, base, id).statusCode() == 200) {
                        acknowledged.add(id);
                    }
                } catch (IOException e) {
                    // refused once the server stopped accepting: the citizen's page retries
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        while (acknowledged.size() < MESSAGES / 5) {
            Thread.sleep(2);
        }
        server.close();
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged.size()).isLessThan(MESSAGES);

        try (Database database = Database.open(DatabaseConfig.embedded(data))) {
            assertThat(database.stores().messages().undecided(MESSAGES)).as("messages left half processed").isEmpty();
            int stored = 0;
            for (long id = 1; id <= MESSAGES; id++) {
                var m = database.stores().messages().find(id);
                if (m.isPresent()) {
                    stored++;
                    acknowledged.remove(m.get().message().id());
                    assertThat(m.get().decision()).isPresent();
                }
            }
            assertThat(acknowledged).as("acknowledged but not stored").isEmpty();
            System.out.printf("graceful stop: %d messages stored and decided, none left undecided%n", stored);
        }
    }

    private static HttpResponse<String> send(HttpClient client, String base, String id)
            throws IOException, InterruptedException {
        String body = "{\"id\":\"" + id + "\",\"tenant\":\"asst-crema\",\"channel\":\"web\",\"kind\":\"message\","
                + "\"author\":\"web:graceful00000000" + (id.hashCode() & 7) + "\",\"text\":\"Come si prenota al CUP? ("
                + id + ")\"}";
        return client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/messages")).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
