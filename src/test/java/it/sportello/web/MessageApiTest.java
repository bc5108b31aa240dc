package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.sportello.app.Server;
import it.sportello.contract.Channel;
import it.sportello.store.DatabaseConfig;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxKind;
import it.sportello.store.StoredMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web channel's JSON API over HTTP, against a real server and store. */
class MessageApiTest {

    /** A Tuesday, 11:00 in Rome: moderators on duty. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC);
    private static final String AUTHOR = "web:abcdefghijklmnop1234";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private static Server server;

    @BeforeAll
    static void start() {
        server = Server.start(settings(data, 600), CLOCK, it.sportello.Fixtures.TRAINER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Server.Settings settings(Path data, int perMinute) {
        return new Server.Settings(Path.of("."), data, "127.0.0.1", 0, DatabaseConfig.embedded(data), perMinute, perMinute,
                Duration.ofSeconds(2));
    }

    @Test
    void answersACoveredQuestionWithTheSectionsUrl() throws Exception {
        HttpResponse<String> response = post(server, message("q-medico", "Come si cambia il medico di famiglia?").toString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode decision = JSON.readTree(response.body());
        assertThat(decision.get("id").asText()).isEqualTo("q-medico");
        assertThat(decision.get("action").asText()).isEqualTo("answer");
        String url = decision.get("sections").get(0).get("url").asText();
        assertThat(url).startsWith("https://www.ats-milano.it/");
        assertThat(decision.get("reply").asText()).contains(url);
        assertThat(response.headers().firstValue("X-Sportello-Message")).hasValueSatisfying(
                id -> assertThat(id).matches("\\d+"));
        assertThat(response.headers().firstValue("X-Sportello-Duplicate")).isEmpty();
    }

    @Test
    void refusesMalformedJson() throws Exception {
        HttpResponse<String> response = post(server, "{\"id\": \"x\", \"text\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).startsWith("not valid JSON");
    }

    @Test
    void refusesAnUnknownTenant() throws Exception {
        ObjectNode m = message("q-tenant", "Come si cambia il medico?").put("tenant", "ats-roma");

        HttpResponse<String> response = post(server, m.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("unknown tenant 'ats-roma'");
    }

    @Test
    void refusesAnAuthorThatIsNotAWebId() throws Exception {
        for (String author : new String[] {"fb:1234", "web:short", "web:abcdefghijklmnop<script>", ""}) {
            HttpResponse<String> response = post(server, message("q-author", "Orari CUP?").put("author", author).toString());

            assertThat(response.statusCode()).as(author).isEqualTo(400);
            assertThat(error(response)).as(author).startsWith("author must be");
        }
    }

    @Test
    void refusesAMissingOrBlankText() throws Exception {
        ObjectNode missing = message("q-text", "x");
        missing.remove("text");

        HttpResponse<String> none = post(server, missing.toString());
        HttpResponse<String> blank = post(server, message("q-blank", "   ").toString());

        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(error(none)).isEqualTo("missing field 'text'");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(error(blank)).contains("text must be");
    }

    @Test
    void aRetryWithTheSameIdGetsTheSameDecisionAndStoresOneRow() throws Exception {
        String body = message("q-retry", "Come si prenota una visita?").toString();

        HttpResponse<String> first = post(server, body);
        HttpResponse<String> retry = post(server, body);

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
        assertThat(first.headers().firstValue("X-Sportello-Duplicate")).isEmpty();
        assertThat(retry.headers().firstValue("X-Sportello-Duplicate")).hasValue("true");
        long id = messageId(first);
        assertThat(messageId(retry)).isEqualTo(id);
        assertThat(server.stores().messages().find(id)).hasValueSatisfying(
                m -> assertThat(m.message().id()).isEqualTo("q-retry"));
        assertThat(server.stores().messages().find(id + 1)).isEmpty();
    }

    @Test
    void storesPersonalDataRedacted() throws Exception {
        HttpResponse<String> response = post(server,
                message("q-phone", "Come si cambia il medico? Il mio numero è 333 123 4567").toString());

        assertThat(response.statusCode()).isEqualTo(200);
        StoredMessage stored = server.stores().messages().find(messageId(response)).orElseThrow();
        assertThat(stored.personalData()).isTrue();
        assertThat(stored.message().text()).contains("[***]").doesNotContain("4567").doesNotContain("333 123");
        assertThat(JSON.readTree(response.body()).get("reply").asText()).doesNotContain("4567");
    }

    @Test
    void rateLimitsAClientWithRetryAfter(@org.junit.jupiter.api.io.TempDir Path limitedData) throws Exception {
        try (Server limited = Server.start(new Server.Settings(Path.of("."), limitedData, "127.0.0.1", 0,
                DatabaseConfig.embedded(limitedData), 3, 3, Duration.ofSeconds(5)), CLOCK, it.sportello.Fixtures.TRAINER)) {
            HttpResponse<String> response = null;
            int sent = 0;
            while (sent < 20 && (response == null || response.statusCode() != 429)) {
                response = post(limited, message("q-limit-" + sent, "Orari del CUP?").toString());
                sent++;
            }

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(sent).isGreaterThan(1);
            assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                    s -> assertThat(Long.parseLong(s)).isPositive());
            assertThat(error(response)).startsWith("too many requests");
        }
    }

    @Test
    void givesAnOperatorsReplyOnceAndChecksTheAuthor() throws Exception {
        String author = "web:operatorreply0000000001";
        HttpResponse<String> asked = post(server,
                message("q-operator", "Ho una domanda particolare sul mio caso").put("author", author).toString());
        long outboxId = server.stores().outbox().enqueue(OutboxItem.draft("ats-milano", Channel.WEB, OutboxKind.REPLY,
                author, Optional.of(messageId(asked)), Optional.of("Le rispondo io: https://www.ats-milano.it/urp"),
                CLOCK.instant()));

        JsonNode first = JSON.readTree(get("/api/v1/replies?author=" + author + "&after=0").body()).get("replies");
        JsonNode after = JSON.readTree(get("/api/v1/replies?author=" + author + "&after=" + outboxId).body())
                .get("replies");
        JsonNode someoneElse = JSON.readTree(get("/api/v1/replies?author=" + AUTHOR + "&after=0").body()).get("replies");

        assertThat(first).hasSize(1);
        assertThat(first.get(0).get("id").asLong()).isEqualTo(outboxId);
        assertThat(first.get(0).get("text").asText()).isEqualTo("Le rispondo io: https://www.ats-milano.it/urp");
        assertThat(after).isEmpty();
        assertThat(someoneElse).isEmpty();
        assertThat(get("/api/v1/replies?author=tg:1234").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/replies").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/replies?author=" + author + "&after=ieri").statusCode()).isEqualTo(400);
    }

    private static ObjectNode message(String id, String text) {
        return JSON.createObjectNode().put("id", id).put("tenant", "ats-milano").put("channel", "web")
                .put("kind", "message").put("author", AUTHOR).put("text", text);
    }

    private static long messageId(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("X-Sportello-Message").orElseThrow());
    }

    private static String error(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).get("error").asText();
    }

    private static HttpResponse<String> post(Server target, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(target.baseUrl() + "/api/v1/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
