package it.sportello.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.sportello.contract.Channel;
import it.sportello.fake.FakeBotApi;
import it.sportello.fake.FakeBotApi.Posted;
import it.sportello.store.Database;
import it.sportello.store.DatabaseConfig;
import it.sportello.testing.PostgresDatabase;
import it.sportello.testing.ServeProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} processes on one PostgreSQL database, one (fake) Telegram Bot API: ATS Milano's bot is
 * polled, ASST Crema's pushes to a webhook. One instance polls at a time and the other stands by; webhook
 * deliveries land on either, a delivery repeated on both is answered once; both drain the outbox and send
 * nothing twice; when the polling one is killed, the other takes the bot over within the lease.
 */
class TwoInstancesTest {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    private static final String SECRET = "webhook-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Timeout(240)
    void onePollerAtATimeTakeOverOnDeathAndNoDoubleSends() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "SPORTELLO_DB_URL", DB.url(),
                    "SPORTELLO_ATS_MILANO_TELEGRAM_TOKEN", FakeBotApi.TOKEN,
                    "SPORTELLO_ASST_CREMA_TELEGRAM_TOKEN", FakeBotApi.TOKEN,
                    "SPORTELLO_ASST_CREMA_TELEGRAM_WEBHOOK_SECRET", SECRET,
                    "SPORTELLO_TELEGRAM_API", api.url(),
                    "SPORTELLO_LEASE_SECONDS", "5"));
            env.put("SPORTELLO_INSTANCE", "instance-a");
            ServeProcess a = ServeProcess.start(dataA, env);
            ServeProcess b = null;
            try {
                FakeBotApi.await("instance A polls", Duration.ofSeconds(30), () -> polling(a));
                env.put("SPORTELLO_INSTANCE", "instance-b");
                b = ServeProcess.start(dataB, env);
                ServeProcess second = b;
                FakeBotApi.await("instance B stands by", Duration.ofSeconds(30),
                        () -> second.get("/health").contains("\"telegram:ats-milano\":\"standby\""));

                List<Posted> polled = new ArrayList<>();
                List<Posted> pushed = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    polled.add(api.privateMessage(8_000_000L + i, "Come si cambia il medico di famiglia?"));
                    Posted p = webhookUpdate(api, 8_100_000L + i, "Come si prenota una visita?");
                    pushed.add(p);
                    ServeProcess target = i % 2 == 0 ? a : b;
                    assertThat(push(target, p)).isEqualTo(200);
                    if (i % 5 == 0) {
                        assertThat(push(i % 2 == 0 ? b : a, p)).as("the same delivery on the other instance").isEqualTo(200);
                    }
                }
                List<Posted> all = new ArrayList<>(polled);
                all.addAll(pushed);
                FakeBotApi.await("every update answered", Duration.ofSeconds(60),
                        () -> all.stream().allMatch(p -> !api.repliesTo(p).isEmpty()));
                assertThat(polling(b)).as("B stood by while A lived").isFalse();

                long conflictsWhileBothLived = conflicts(api);
                a.kill();
                long takeOver = System.nanoTime();
                FakeBotApi.await("instance B takes the bot over", Duration.ofSeconds(30), () -> polling(second));
                Duration tookOver = Duration.ofNanos(System.nanoTime() - takeOver);
                List<Posted> afterDeath = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    afterDeath.add(api.privateMessage(8_200_000L + i, "Quali sono gli orari del CUP?"));
                }
                all.addAll(afterDeath);
                FakeBotApi.await("updates after the take-over answered", Duration.ofSeconds(60),
                        () -> all.stream().allMatch(p -> !api.repliesTo(p).isEmpty()));
                Thread.sleep(6_000);   // past the outbox lease: an item claimed by A would now be sent by B

                int inDoubt;
                try (Database database = Database.open(new DatabaseConfig(DB.url(), Optional.empty(), Optional.empty(), 2))) {
                    inDoubt = database.stores().outbox().inDoubt("ats-milano", Channel.TELEGRAM)
                            + database.stores().outbox().inDoubt("asst-crema", Channel.TELEGRAM);
                }
                int doubles = 0;
                for (Posted p : all) {
                    doubles += api.repliesTo(p).size() - 1;
                }
                assertThat(doubles).as("replies sent twice, at most those in doubt at the kill").isLessThanOrEqualTo(inDoubt);
                assertThat(conflictsWhileBothLived).as("two getUpdates at once (Telegram answers 409)").isZero();
                // the dead instance's long poll was still open: the new holder's first poll ends it with 409
                assertThat(conflicts(api)).as("409s after the kill").isLessThanOrEqualTo(1);
                System.out.printf("two instances: %d polled and %d webhook updates (%d delivered to both) answered, "
                        + "one poller at a time, take-over %d ms after kill -9 (lease 5 s), %d sent twice (%d in doubt)%n",
                        polled.size() + afterDeath.size(), pushed.size(), pushed.size() / 5, tookOver.toMillis(), doubles,
                        inDoubt);
            } finally {
                a.kill();
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    private static long conflicts(FakeBotApi api) {
        return api.calls("getUpdates").stream().filter(c -> c.status() == 409).count();
    }

    private static boolean polling(ServeProcess instance) {
        return instance.get("/health").contains("\"telegram:ats-milano\":\"polling\"");
    }

    /** An update for the webhook bot, not queued for getUpdates. */
    private static Posted webhookUpdate(FakeBotApi api, long userId, String text) {
        ObjectNode message = api.message(userId, "private", userId, false).put("text", text);
        int id = api.nextUpdateId();
        ObjectNode update = JSON.createObjectNode().put("update_id", id);
        update.set("message", message);
        return new Posted(id, userId, message.path("message_id").asInt(), update.toString());
    }

    private int push(ServeProcess instance, Posted update) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/telegram/asst-crema"))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update.json())).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
