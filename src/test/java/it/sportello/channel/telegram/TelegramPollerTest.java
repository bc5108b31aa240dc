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
import it.sportello.contract.Channel;
import it.sportello.fake.BotApiCall;
import it.sportello.fake.FakeBotApi;
import it.sportello.intake.Intake;
import it.sportello.store.Database;
import it.sportello.store.DatabaseConfig;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxKind;
import it.sportello.store.Stores;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * One round of long polling at a time ({@code pollOnce}, as the PollLoop runs it) with the real client against
 * the fake Bot API, over a real intake and store: the offset moves only past what the store holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TelegramPollerTest {

    /** A Wednesday at 11:00 in Milan: moderators on duty. */
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final String CURSOR = "telegram:ats-milano";

    private Database database;
    private Stores stores;
    private Sportello sportello;
    private Intake intake;
    private FakeBotApi api;
    private ChannelAdapter adapter;
    private Poller poller;

    @BeforeAll
    void startSportello() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        database = Database.open(DatabaseConfig.inMemory("poller-" + UUID.randomUUID()));
        stores = database.stores();
        sportello = Sportello.start(Path.of("."), clock, stores.strikes(), stores.posts(), Fixtures.TRAINER);
        intake = new Intake(sportello.responder(), sportello.personalData(), stores.messages(), stores.transactions(), clock);
    }

    @AfterAll
    void stopSportello() {
        sportello.close();
        database.close();
    }

    @BeforeEach
    void open() {
        api = new FakeBotApi();
        // A long poll of 1 s and a read margin of 1 s: a getUpdates that takes 3 s is a timeout.
        ChannelConfig.Telegram config = new ChannelConfig.Telegram(URI.create(api.url()), 1, 30, 0);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ChannelContext context = new ChannelContext(sportello.tenants().get("ats-milano"), intake, stores.messages(),
                stores.cursors(), clock);
        adapter = TelegramAdapter.open(new TelegramBot("ats-milano", FakeBotApi.TOKEN, Optional.empty()), config, context,
                Duration.ofSeconds(1));
        poller = adapter.pollers().get(0);
        stores.cursors().put(CURSOR, "", NOW);
    }

    @AfterEach
    void close() {
        adapter.close();
        api.close();
    }

    /** The outbox items of the stored message that came from {@code p}. */
    private List<OutboxItem> outboxOf(FakeBotApi.Posted p) {
        return stores.outbox().pending(Channel.TELEGRAM, 10_000).stream()
                .filter(i -> i.messageId().flatMap(stores.messages()::find)
                        .map(s -> s.message().id().equals(p.externalId())).orElse(false))
                .toList();
    }

    private Optional<String> cursor() {
        return stores.cursors().get(CURSOR).filter(s -> !s.isEmpty());
    }

    @Test
    void aRoundHandsEveryUpdateToTheIntakeThenConfirmsThem() throws Exception {
        FakeBotApi.Posted question = api.privateMessage(5101, "Come si cambia il medico di famiglia?");
        FakeBotApi.Posted start = api.privateMessage(5102, "/start");

        poller.pollOnce();

        assertThat(outboxOf(question)).extracting(OutboxItem::kind).containsExactly(OutboxKind.REPLY);
        assertThat(outboxOf(start)).singleElement().satisfies(i -> assertThat(i.text().orElseThrow())
                .startsWith("Ciao! Sono l'assistente automatico di ATS della Città Metropolitana di Milano"));
        assertThat(cursor()).contains(Integer.toString(start.updateId() + 1));

        poller.pollOnce();
        assertThat(api.calls("getUpdates")).last().satisfies(c -> {
            assertThat(c.params().path("offset").asInt()).isEqualTo(start.updateId() + 1);
            assertThat(c.params().path("timeout").asInt()).isEqualTo(1);
            assertThat(c.params().path("allowed_updates").toString()).isEqualTo("[\"message\"]");
        });
        assertThat(api.pendingUpdates()).isZero();
    }

    @Test
    void aDuplicateDeliveryIsStoredOnceAndAnsweredOnce() throws Exception {
        FakeBotApi.Posted question = api.privateMessage(5201, "Come si prenota una visita?");
        api.duplicate(question);
        poller.pollOnce();
        api.duplicate(question);
        poller.pollOnce();

        assertThat(outboxOf(question)).hasSize(1);
    }

    @Test
    void anUnreadableUpdateIsSkippedAndTheOthersGoIn() throws Exception {
        FakeBotApi.Posted before = api.privateMessage(5301, "Come si rinnova la tessera sanitaria?");
        int broken = api.nextUpdateId();
        api.postRaw(broken, "{\"update_id\":" + broken + ",\"message\":{\"message_id\":\"not a number\",\"chat\":7}}");
        FakeBotApi.Posted after = api.privateMessage(5302, "Dove si fanno le vaccinazioni dei bambini?");

        poller.pollOnce();

        assertThat(outboxOf(before)).hasSize(1);
        assertThat(outboxOf(after)).hasSize(1);
        assertThat(cursor()).contains(Integer.toString(after.updateId() + 1));
        poller.pollOnce();
        assertThat(api.pendingUpdates()).isZero();
    }

    @Test
    void aFailedGetUpdatesIsThrownAndTheNextRoundGoesOn() throws Exception {
        FakeBotApi.Posted question = api.privateMessage(5401, "Come si cambia il medico di famiglia?");
        api.fail("getUpdates", 500, "Internal Server Error");
        api.rateLimit("getUpdates", 3);
        api.fail("getUpdates", 409, "Conflict: can't use getUpdates method while webhook is active");
        api.answer("getUpdates", 502, "<html>Bad Gateway</html>", Duration.ZERO);
        api.delay("getUpdates", Duration.ofSeconds(3));

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(poller::pollOnce).as("round " + i).isInstanceOf(TelegramApiException.class);
        }
        assertThat(cursor()).isEmpty();
        assertThat(outboxOf(question)).isEmpty();

        poller.pollOnce();
        assertThat(outboxOf(question)).hasSize(1);
        assertThat(cursor()).contains(Integer.toString(question.updateId() + 1));
    }

    @Test
    void anEmptyQueueHoldsTheLongPollUntilAnUpdateArrives() throws Exception {
        poller.pollOnce();
        assertThat(cursor()).isEmpty();

        CompletableFuture<Void> round = CompletableFuture.runAsync(() -> {
            try {
                poller.pollOnce();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        FakeBotApi.await("the long poll is waiting", Duration.ofSeconds(5), () -> api.pollsWaiting() == 1);
        FakeBotApi.Posted question = api.privateMessage(5501, "Come si cambia il medico di famiglia?");
        round.get(5, TimeUnit.SECONDS);
        assertThat(outboxOf(question)).hasSize(1);
    }

    @Test
    void twoPollersAtOnceConflictLikeTelegram() throws Exception {
        CompletableFuture<Throwable> first = CompletableFuture.supplyAsync(() -> {
            try {
                poller.pollOnce();
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        FakeBotApi.await("the first long poll is waiting", Duration.ofSeconds(5), () -> api.pollsWaiting() == 1);
        poller.pollOnce();
        assertThat(first.get(5, TimeUnit.SECONDS)).isInstanceOf(TelegramApiException.class);
        assertThat(api.calls("getUpdates")).extracting(BotApiCall::status).containsExactlyInAnyOrder(409, 200);
    }
}
