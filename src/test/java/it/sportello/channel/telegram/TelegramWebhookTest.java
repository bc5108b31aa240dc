package it.sportello.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.fake.FakeBotApi;
import it.sportello.fake.FakeBotApi.Posted;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook mode: Telegram posts updates to {@code /telegram/ats-milano} on Sportello's server with the secret
 * token; there is no poller. The fake Bot API only builds the updates here and receives the answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TelegramWebhookTest {

    static final String SECRET = "webhook-secret-0123456789";

    @TempDir
    static Path data;
    TelegramServer telegram;
    FakeBotApi api;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        telegram = TelegramServer.start(data, Optional.of(SECRET));
        api = telegram.api;
    }

    @AfterAll
    void stop() {
        telegram.close();
    }

    /** Posts the update as Telegram would. */
    private HttpResponse<String> push(Optional<String> secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(telegram.server.baseUrl() + "/telegram/ats-milano"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        secret.ifPresent(s -> request.header("X-Telegram-Bot-Api-Secret-Token", s));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Posted question(long user, String text) {
        return api.update("message", api.message(user, "private", user, false).put("text", text));
    }

    @Test
    void anUpdateWithTheSecretIsStoredAndAnswered() throws Exception {
        Posted p = question(8101, "Come si cambia il medico di famiglia?");

        assertThat(push(Optional.of(SECRET), p.json()).statusCode()).isEqualTo(200);

        FakeBotApi.await("the reply", TelegramServer.DEADLINE, () -> api.repliesTo(p).size() == 1);
        assertThat(api.repliesTo(p).get(0).text().orElseThrow()).contains("https://www.ats-milano.it/");
        assertThat(telegram.stored(p)).hasSize(1);
        assertThat(telegram.server.polling("telegram:ats-milano")).isFalse();
        assertThat(api.calls("getUpdates")).isEmpty();
    }

    @Test
    void withoutTheRightSecretNothingIsStored() throws Exception {
        Posted p = question(8201, "Come si prenota una visita?");

        HttpResponse<String> missing = push(Optional.empty(), p.json());
        HttpResponse<String> wrong = push(Optional.of("webhook-secret-9876543210"), p.json());
        HttpResponse<String> prefix = push(Optional.of(SECRET.substring(0, 10)), p.json());

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(prefix.statusCode()).isEqualTo(403);
        assertThat(telegram.stored(p)).isEmpty();
        assertThat(api.repliesTo(p)).isEmpty();
    }

    @Test
    void aBodyThatIsNotAnUpdateIsRefusedWithAClearMessage() throws Exception {
        HttpResponse<String> notJson = push(Optional.of(SECRET), "{\"update_id\": 5, \"message\": ");
        HttpResponse<String> noId = push(Optional.of(SECRET), "{\"hello\": \"world\"}");
        HttpResponse<String> badField = push(Optional.of(SECRET),
                "{\"update_id\": 6, \"message\": {\"message_id\": \"x\", \"chat\": 3}}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not a Telegram update");
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(noId.body()).contains("no update_id");
        assertThat(badField.statusCode()).isEqualTo(400);
    }

    @Test
    void theSameUpdateTwiceIsAnsweredOnce() throws Exception {
        Posted p = question(8301, "Come si rinnova la tessera sanitaria?");

        assertThat(push(Optional.of(SECRET), p.json()).statusCode()).isEqualTo(200);
        assertThat(push(Optional.of(SECRET), p.json()).statusCode()).isEqualTo(200);

        FakeBotApi.await("the reply", TelegramServer.DEADLINE, () -> api.repliesTo(p).size() == 1);
        telegram.awaitSettled();
        assertThat(api.repliesTo(p)).hasSize(1);
        assertThat(telegram.stored(p)).hasSize(1);
    }

    @Test
    void anEditOrAServiceMessageIsTakenButIgnored() throws Exception {
        var edited = api.message(8401, "private", 8401, false).put("text", "corretto").put("edit_date", 1764064900);
        Posted p = api.update("edited_message", edited);

        assertThat(push(Optional.of(SECRET), p.json()).statusCode()).isEqualTo(200);
        assertThat(telegram.stored(p)).isEmpty();
    }
}
