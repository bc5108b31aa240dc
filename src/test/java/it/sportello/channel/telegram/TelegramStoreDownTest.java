package it.sportello.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.Fixtures;
import it.sportello.app.Sportello;
import it.sportello.channel.ChannelAdapter;
import it.sportello.channel.ChannelConfig;
import it.sportello.channel.ChannelContext;
import it.sportello.channel.Poller;
import it.sportello.channel.TelegramBot;
import it.sportello.fake.FakeBotApi;
import it.sportello.fake.FakeBotApi.Posted;
import it.sportello.intake.Intake;
import it.sportello.store.Database;
import it.sportello.store.DatabaseConfig;
import it.sportello.store.MessageStore;
import it.sportello.store.StoreException;
import it.sportello.store.Stores;
import it.sportello.web.WebServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * When the store fails, nothing is confirmed to Telegram that was not stored: the poller keeps its offset at
 * the last update stored (Telegram delivers the rest again) and the webhook answers 503 (Telegram retries).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TelegramStoreDownTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final String SECRET = "webhook-secret-0123456789";

    private Database database;
    private Stores stores;
    private Sportello sportello;
    /** Accepts left before the store "goes down"; negative: never. */
    private final AtomicInteger acceptsLeft = new AtomicInteger(-1);
    private ChannelContext context;

    @BeforeAll
    void start() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        database = Database.open(DatabaseConfig.inMemory("down-" + UUID.randomUUID()));
        stores = database.stores();
        sportello = Sportello.start(Path.of("."), clock, stores.strikes(), stores.posts(), Fixtures.TRAINER);
        MessageStore flaky = (MessageStore) Proxy.newProxyInstance(MessageStore.class.getClassLoader(),
                new Class<?>[] {MessageStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("accept") && acceptsLeft.getAndUpdate(n -> n > 0 ? n - 1 : n) == 0) {
                        throw new StoreException("the store is down (test)");
                    }
                    try {
                        return method.invoke(stores.messages(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Intake intake = new Intake(sportello.responder(), sportello.personalData(), flaky, stores.transactions(), clock);
        context = new ChannelContext(sportello.tenants().get("ats-milano"), intake, stores.messages(), stores.cursors(),
                clock);
    }

    @AfterAll
    void stop() {
        sportello.close();
        database.close();
    }

    @Test
    void thePollerConfirmsOnlyWhatWasStored() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            ChannelAdapter adapter = TelegramAdapter.open(new TelegramBot("ats-milano", FakeBotApi.TOKEN, Optional.empty()),
                    new ChannelConfig.Telegram(URI.create(api.url()), 1, 30, 0), context, Duration.ofSeconds(1));
            try {
                Poller poller = adapter.pollers().get(0);
                Posted first = api.privateMessage(9101, "Come si cambia il medico di famiglia?");
                Posted second = api.privateMessage(9102, "Come si prenota una visita?");
                Posted third = api.privateMessage(9103, "Come si rinnova la tessera sanitaria?");
                acceptsLeft.set(1);

                assertThatThrownBy(poller::pollOnce).isInstanceOf(StoreException.class);
                assertThat(stores.cursors().get(poller.name())).contains(Integer.toString(first.updateId() + 1));

                acceptsLeft.set(-1);
                poller.pollOnce();
                assertThat(stores.cursors().get(poller.name())).contains(Integer.toString(third.updateId() + 1));
                List<Integer> offsets = api.calls("getUpdates").stream()
                        .map(c -> c.params().path("offset").asInt(0)).toList();
                assertThat(offsets).containsExactly(0, first.updateId() + 1);
                assertThat(second.updateId()).isEqualTo(first.updateId() + 1);
            } finally {
                adapter.close();
            }
        }
    }

    @Test
    void theWebhookAnswers503SoThatTelegramRetries() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            ChannelAdapter adapter = TelegramAdapter.open(new TelegramBot("ats-milano", FakeBotApi.TOKEN, Optional.of(SECRET)),
                    new ChannelConfig.Telegram(URI.create(api.url()), 1, 30, 0), context);
            WebServer web = WebServer.start("127.0.0.1", 0, Duration.ofSeconds(1), adapter.routes());
            try {
                assertThat(adapter.pollers()).isEmpty();
                Posted p = api.update("message", api.message(9201, "private", 9201, false).put("text", "Orari del CUP?"));
                acceptsLeft.set(0);
                assertThat(push(web, p.json()).statusCode()).isEqualTo(503);
                acceptsLeft.set(-1);
                assertThat(push(web, p.json()).statusCode()).isEqualTo(200);
            } finally {
                web.close();
                adapter.close();
            }
        }
    }

    private static HttpResponse<String> push(WebServer web, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + web.port() + "/telegram/ats-milano"))
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
