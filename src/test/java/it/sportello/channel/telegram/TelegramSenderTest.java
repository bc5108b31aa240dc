package it.sportello.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.contract.Channel;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.delivery.Backoff;
import it.sportello.delivery.Delivery;
import it.sportello.delivery.OutboxDrainer;
import it.sportello.delivery.Pace;
import it.sportello.fake.BotApiCall;
import it.sportello.fake.FakeBotApi;
import it.sportello.store.Database;
import it.sportello.store.DatabaseConfig;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxKind;
import it.sportello.store.OutboxStatus;
import it.sportello.store.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/** The sender with the real OkHttp client against a fake Bot API on 127.0.0.1. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TelegramSenderTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final long CHAT = -1001234L;
    static final int ORIGINAL = 77;
    static final long STORED = 5L;

    private FakeBotApi api;
    private OkHttpClient http;
    private final Map<Long, TelegramTarget> targets = new HashMap<>();
    private TelegramSender sender;

    @BeforeEach
    void start() {
        api = new FakeBotApi();
        http = new OkHttpClient.Builder().connectTimeout(Duration.ofMillis(500)).readTimeout(Duration.ofMillis(500))
                .writeTimeout(Duration.ofMillis(500)).build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(http, FakeBotApi.TOKEN,
                new TelegramUrl("http", "127.0.0.1", api.port(), false));
        targets.put(STORED, new TelegramTarget(CHAT, ORIGINAL));
        sender = new TelegramSender(client, id -> Optional.ofNullable(targets.get(id)));
    }

    @AfterEach
    void stop() throws InterruptedException {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        http.dispatcher().executorService().awaitTermination(5, TimeUnit.SECONDS);
        api.close();
    }

    static OutboxItem item(OutboxKind kind, long storedMessageId) {
        return OutboxItem.draft("ats-milano", Channel.TELEGRAM, kind, "tg:4242", Optional.of(storedMessageId),
                kind == OutboxKind.REPLY ? Optional.of("Il CUP risponde al numero verde.") : Optional.empty(), T0);
    }

    @Test
    void aReplyGoesToTheChatAndAnswersTheOriginalMessage() {
        assertThat(sender.send(item(OutboxKind.REPLY, STORED))).isInstanceOf(Delivery.Sent.class);

        assertThat(api.calls()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("sendmessage");
            JsonNode p = call.params();
            assertThat(p.path("chat_id").asText()).isEqualTo(String.valueOf(CHAT));
            assertThat(p.path("text").asText()).isEqualTo("Il CUP risponde al numero verde.");
            JsonNode reply = p.path("reply_parameters");
            assertThat(reply.path("message_id").asInt()).isEqualTo(ORIGINAL);
            assertThat(reply.path("allow_sending_without_reply").asBoolean()).isTrue();
        });
    }

    @Test
    void aServerErrorIsRetried() {
        api.fail("sendMessage", 500, "Internal Server Error");
        Delivery outcome = sender.send(item(OutboxKind.REPLY, STORED));
        assertThat(outcome).isInstanceOfSatisfying(Delivery.Retry.class, r -> {
            assertThat(r.after()).isEmpty();
            assertThat(r.error()).contains("500").doesNotContain("CUP").doesNotContain(FakeBotApi.TOKEN);
        });
    }

    @Test
    void aProxyErrorPageIsRetried() {
        api.answer("deleteMessage", 502, "<html><body>Bad Gateway</body></html>", Duration.ZERO);
        assertThat(sender.send(item(OutboxKind.DELETE, STORED))).isInstanceOfSatisfying(Delivery.Retry.class,
                r -> assertThat(r.after()).isEmpty());
    }

    @Test
    void aRateLimitIsRetriedAfterWhatTelegramSaid() {
        api.answer("sendMessage", 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\","
                + "\"parameters\":{\"retry_after\":7}}", Duration.ZERO);
        assertThat(sender.send(item(OutboxKind.REPLY, STORED))).isInstanceOfSatisfying(Delivery.Retry.class,
                r -> assertThat(r.after()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void aTimeoutIsRetried() {
        api.answer("sendMessage", 200, "{\"ok\":true,\"result\":true}", Duration.ofSeconds(3));
        Delivery outcome = sender.send(item(OutboxKind.REPLY, STORED));
        assertThat(outcome).isInstanceOfSatisfying(Delivery.Retry.class, r -> {
            assertThat(r.after()).isEmpty();
            assertThat(r.error()).doesNotContain(FakeBotApi.TOKEN);
        });
    }

    @Test
    void anUnreachableBotApiIsRetried() throws InterruptedException {
        api.close();
        assertThat(sender.send(item(OutboxKind.DELETE, STORED))).isInstanceOf(Delivery.Retry.class);
    }

    @Test
    void deletingAMessageThatIsGoneIsRejected() {
        api.fail("deleteMessage", 400, "Bad Request: message to delete not found");
        Delivery outcome = sender.send(item(OutboxKind.DELETE, STORED));
        assertThat(outcome).isInstanceOfSatisfying(Delivery.Rejected.class,
                r -> assertThat(r.error()).contains("message to delete not found"));
        assertThat(api.calls("deleteMessage")).singleElement().satisfies(call -> {
            assertThat(call.params().path("chat_id").asText()).isEqualTo(String.valueOf(CHAT));
            assertThat(call.params().path("message_id").asInt()).isEqualTo(ORIGINAL);
        });
    }

    @Test
    void hidingDeletesBecauseTelegramCannotHide() {
        assertThat(sender.send(item(OutboxKind.HIDE, STORED))).isInstanceOf(Delivery.Sent.class);
        assertThat(api.calls("deletemessage")).hasSize(1);
    }

    @Test
    void aBanBansTheAuthorInTheChat() {
        assertThat(sender.send(item(OutboxKind.BAN, STORED))).isInstanceOf(Delivery.Sent.class);
        assertThat(api.calls()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("banchatmember");
            assertThat(call.params().path("chat_id").asText()).isEqualTo(String.valueOf(CHAT));
            assertThat(call.params().path("user_id").asLong()).isEqualTo(4242L);
        });
    }

    @Test
    void anUnbanOnlyLiftsABan() {
        assertThat(sender.send(item(OutboxKind.UNBAN, STORED))).isInstanceOf(Delivery.Sent.class);
        assertThat(api.calls("unbanChatMember")).singleElement().satisfies(call -> {
            assertThat(call.params().path("user_id").asLong()).isEqualTo(4242L);
            assertThat(call.params().path("only_if_banned").asBoolean()).isTrue();
        });
    }

    @Test
    void whatTelegramCannotDoIsRejectedWithoutACall() {
        assertThat(sender.send(item(OutboxKind.RESTORE, STORED))).isInstanceOf(Delivery.Rejected.class);
        assertThat(sender.send(item(OutboxKind.DELETE, 999L))).isInstanceOf(Delivery.Rejected.class);
        OutboxItem notAUser = OutboxItem.draft("ats-milano", Channel.TELEGRAM, OutboxKind.BAN, "web:abc",
                Optional.of(STORED), Optional.empty(), T0);
        assertThat(sender.send(notAUser)).isInstanceOf(Delivery.Rejected.class);
        assertThat(api.calls()).isEmpty();
    }

    @Test
    void aBanInAPrivateChatIsRejectedWithoutACallBecauseTelegramBansOnlyFromGroups() {
        targets.put(6L, new TelegramTarget(4242L, 12));
        assertThat(sender.send(item(OutboxKind.BAN, 6L))).isInstanceOfSatisfying(Delivery.Rejected.class,
                r -> assertThat(r.error()).contains("private chat"));
        assertThat(sender.send(item(OutboxKind.UNBAN, 6L))).isInstanceOf(Delivery.Rejected.class);
        assertThat(sender.send(item(OutboxKind.REPLY, 6L))).isInstanceOf(Delivery.Sent.class);
        assertThat(api.calls()).extracting(BotApiCall::method).containsExactly("sendmessage");
    }

    @Test
    void aReplyThatMeetsARateLimitIsSentOnceAfterTheWait() throws InterruptedException {
        try (Database database = Database.open(DatabaseConfig.inMemory("telegram-" + UUID.randomUUID()))) {
            OutboxStore outbox = database.stores().outbox();
            long stored = database.stores().messages().accept(new Message("tg:-1001234:77", "ats-milano", Channel.TELEGRAM,
                    Kind.COMMENT, "tg:4242", T0.atOffset(ZoneOffset.ofHours(1)), "Quando apre il CUP?"), false, T0)
                    .stored().id();
            targets.put(stored, new TelegramTarget(CHAT, ORIGINAL));
            long id = outbox.enqueue(item(OutboxKind.REPLY, stored));
            api.answer("sendMessage", 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: "
                    + "retry after 7\",\"parameters\":{\"retry_after\":7}}", Duration.ZERO);
            AtomicReference<Instant> now = new AtomicReference<>(T0);
            OutboxDrainer drainer = new OutboxDrainer("ats-milano", Channel.TELEGRAM, outbox, sender,
                    new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 5), Duration.ofMinutes(1), Pace.unlimited(), clock(now));

            assertThat(drainer.drainOnce(10)).isEqualTo(1);
            now.set(T0.plusSeconds(6));
            assertThat(drainer.drainOnce(10)).isZero();
            now.set(T0.plusSeconds(7));
            assertThat(drainer.drainOnce(10)).isEqualTo(1);
            now.set(T0.plusSeconds(600));
            assertThat(drainer.drainOnce(10)).isZero();

            assertThat(api.calls("sendMessage")).hasSize(2);
            assertThat(outbox.ofMessage(stored)).singleElement().satisfies(i -> {
                assertThat(i.id()).isEqualTo(id);
                assertThat(i.status()).isEqualTo(OutboxStatus.SENT);
                assertThat(i.attempts()).isEqualTo(2);
            });
        }
    }

    private static Clock clock(AtomicReference<Instant> now) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }
}
