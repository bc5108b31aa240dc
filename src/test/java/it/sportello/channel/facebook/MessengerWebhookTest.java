package it.sportello.channel.facebook;

import static it.sportello.channel.facebook.FacebookTesting.APP_SECRET;
import static it.sportello.channel.facebook.FacebookTesting.PAGE_ID;
import static it.sportello.channel.facebook.FacebookTesting.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.contract.Channel;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.fake.FakeGraphApi;
import it.sportello.web.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Messenger's webhook on Sportello's own HTTP server, called as Meta calls it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessengerWebhookTest {

    private static final String PSID = "6120934477215508";
    private static final long AT = Instant.parse("2026-11-25T09:30:00Z").toEpochMilli();

    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean storeDown = new AtomicBoolean();
    private WebServer web;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String url;

    @BeforeEach
    void start() {
        MessengerWebhook webhook = new MessengerWebhook(FacebookTesting.page(true), m -> {
            if (storeDown.get()) {
                throw new IllegalStateException("store down");
            }
            received.add(m);
        });
        // no grace: the client keeps its connections open, and a graceful stop would wait for them
        web = WebServer.start("127.0.0.1", 0, Duration.ZERO, List.of(webhook));
        url = "http://127.0.0.1:" + web.port() + "/facebook/ats-milano/webhook";
    }

    @AfterEach
    void stop() {
        web.close();
    }

    static String delivery(String events) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE_ID + "\",\"time\":" + AT + ",\"messaging\":[" + events + "]}]}";
    }

    static String text(String mid, String text) {
        return "{\"sender\":{\"id\":\"" + PSID + "\"},\"recipient\":{\"id\":\"" + PAGE_ID + "\"},\"timestamp\":" + AT
                + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}}";
    }

    private HttpResponse<String> get(String mode, String token, String challenge) throws IOException, InterruptedException {
        String q = "hub.mode=" + mode + "&hub.verify_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&hub.challenge=" + challenge;
        return http.send(HttpRequest.newBuilder(URI.create(url + "?" + q)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body, String signature) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header("X-Hub-Signature-256", signature);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signed(String body) throws IOException, InterruptedException {
        return post(body, FakeGraphApi.sign(body, APP_SECRET));
    }

    @Test
    void theHandshakeEchoesTheChallengeOnlyForTheVerifyToken() throws Exception {
        HttpResponse<String> ok = get("subscribe", VERIFY, "1158201444");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");

        assertThat(get("subscribe", "not-the-token", "1158201444").statusCode()).isEqualTo(403);
        assertThat(get("unsubscribe", VERIFY, "1158201444").statusCode()).isEqualTo(403);
    }

    @Test
    void aSignedTextMessageIsHandedIn() throws Exception {
        HttpResponse<String> r = signed(delivery(text("mid.1764063000:41d102a3", "Come si prenota un vaccino?")));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(received).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("m:mid.1764063000:41d102a3");
            assertThat(m.tenant()).isEqualTo("ats-milano");
            assertThat(m.channel()).isEqualTo(Channel.FACEBOOK);
            assertThat(m.kind()).isEqualTo(Kind.MESSAGE);
            assertThat(m.author()).isEqualTo("fb:" + PSID);
            assertThat(m.time().toInstant().toEpochMilli()).isEqualTo(AT);
            assertThat(m.text()).isEqualTo("Come si prenota un vaccino?");
        });
    }

    @Test
    void aBadOrMissingSignatureIsRefusedAndNothingIsStored() throws Exception {
        String body = delivery(text("mid.1:a", "Ciao"));
        assertThat(post(body, null).statusCode()).isEqualTo(401);
        assertThat(post(body, FakeGraphApi.sign(body, "another-secret-000000000000")).statusCode()).isEqualTo(403);
        assertThat(post(body, "sha256=zz").statusCode()).isEqualTo(403);
        String tampered = delivery(text("mid.1:a", "Ciao!"));
        assertThat(post(tampered, FakeGraphApi.sign(body, APP_SECRET)).statusCode()).isEqualTo(403);
        assertThat(received).isEmpty();
    }

    @Test
    void aMalformedBodyIsABadRequest() throws Exception {
        assertThat(signed("{\"object\":\"page\",\"entry\":[").statusCode()).isEqualTo(400);
        assertThat(signed("[1,2,3]").statusCode()).isEqualTo(400);
        assertThat(received).isEmpty();
    }

    @Test
    void echoesDeliveriesAndReadsAreSkipped() throws Exception {
        String echo = "{\"sender\":{\"id\":\"" + PAGE_ID + "\"},\"recipient\":{\"id\":\"" + PSID + "\"},\"timestamp\":" + AT
                + ",\"message\":{\"mid\":\"mid.echo\",\"is_echo\":true,\"text\":\"Risposta della pagina\"}}";
        String delivered = "{\"sender\":{\"id\":\"" + PSID + "\"},\"recipient\":{\"id\":\"" + PAGE_ID + "\"},"
                + "\"delivery\":{\"mids\":[\"mid.echo\"],\"watermark\":" + AT + "}}";
        String read = "{\"sender\":{\"id\":\"" + PSID + "\"},\"recipient\":{\"id\":\"" + PAGE_ID + "\"},"
                + "\"timestamp\":" + AT + ",\"read\":{\"watermark\":" + AT + "}}";
        String body = delivery(String.join(",", echo, delivered, read, text("mid.2:b", "Grazie, e per i bambini?")));

        assertThat(signed(body).statusCode()).isEqualTo(200);
        assertThat(received).extracting(Message::id).containsExactly("m:mid.2:b");
    }

    @Test
    void aStoreFailureIsAServerErrorSoMetaDeliversAgain() throws Exception {
        storeDown.set(true);
        String body = delivery(text("mid.3:c", "Orari del CUP?"));
        assertThat(signed(body).statusCode()).isEqualTo(500);

        storeDown.set(false);
        assertThat(signed(body).statusCode()).isEqualTo(200);
        assertThat(received).extracting(Message::id).containsExactly("m:mid.3:c");
    }
}
