package it.sportello.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.contract.Action;
import it.sportello.fake.BotApiCall;
import it.sportello.fake.FakeBotApi;
import it.sportello.fake.FakeBotApi.Posted;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxStatus;
import it.sportello.store.StoredMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Telegram channel end to end: Sportello's server polls the fake Bot API with the real client, the intake
 * decides, the outbox goes back out through the sender. Each test uses its own chats and users.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TelegramChannelTest {

    static final Duration DEADLINE = TelegramServer.DEADLINE;

    @TempDir
    static Path data;
    TelegramServer telegram;
    FakeBotApi api;

    @BeforeAll
    void start() {
        telegram = TelegramServer.start(data, Optional.empty());
        api = telegram.api;
        FakeBotApi.await("the poller holds its lease", DEADLINE, () -> telegram.server.polling("telegram:ats-milano"));
    }

    @AfterAll
    void stop() {
        telegram.close();
    }

    @BeforeEach
    void quiet() {
        telegram.awaitSettled();
    }

    private List<BotApiCall> awaitReplies(Posted p, int count) {
        FakeBotApi.await("reply to " + p.externalId(), DEADLINE, () -> api.repliesTo(p).size() >= count);
        telegram.awaitSettled();
        return api.repliesTo(p);
    }

    @Test
    void aQuestionInAPrivateChatIsAnsweredWithTheKnowledgeBaseLink() {
        Posted question = api.privateMessage(6101, "Come si cambia il medico di famiglia?");

        assertThat(awaitReplies(question, 1)).singleElement().satisfies(reply -> {
            assertThat(reply.chatId()).contains(6101L);
            assertThat(reply.text().orElseThrow()).contains("https://www.ats-milano.it/");
            assertThat(reply.params().path("reply_parameters").path("allow_sending_without_reply").asBoolean()).isTrue();
        });
        assertThat(api.deletionsOf(question)).isEmpty();
        assertThat(telegram.stored(question)).singleElement().satisfies(s -> {
            assertThat(s.message().author()).isEqualTo("tg:6101");
            assertThat(s.decision().orElseThrow().action()).isEqualTo(Action.ANSWER);
        });
    }

    @Test
    void anInsultInAGroupIsDeletedAndItsAuthorWarned() {
        Posted insult = api.groupMessage(-1006201, 6201, "Siete una massa di incompetenti e ladri");

        List<BotApiCall> replies = awaitReplies(insult, 1);
        assertThat(api.deletionsOf(insult)).hasSize(1);
        // The reply comes after the deletion: Telegram sends it without the quote (allow_sending_without_reply).
        assertThat(replies).singleElement().satisfies(r -> assertThat(r.text().orElseThrow())
                .contains("nascosto", "non rispetta le regole"));
    }

    @Test
    void aPhoneNumberPostedInAGroupIsDeletedAndNeverRepeated() {
        Posted phone = api.groupMessage(-1006301, 6301, "Chiamatemi al 333 1234567 per prenotare la visita");

        FakeBotApi.await("deletion of " + phone.externalId(), DEADLINE, () -> api.deletionsOf(phone).size() == 1);
        telegram.awaitSettled();
        assertThat(api.calls("sendMessage")).allSatisfy(c -> assertThat(c.text().orElse("")).doesNotContain("1234567"));
        assertThat(telegram.stored(phone)).singleElement()
                .satisfies(s -> assertThat(s.message().text()).doesNotContain("1234567"));
    }

    @Test
    void startIsAnsweredWithTheItalianExplanation() {
        Posted start = api.privateMessage(6401, "/start");

        assertThat(awaitReplies(start, 1)).singleElement().satisfies(r -> assertThat(r.text().orElseThrow())
                .startsWith("Ciao! Sono l'assistente automatico di ATS della Città Metropolitana di Milano")
                .contains("https://www.ats-milano.it", "112", "116117", "URP"));
        assertThat(telegram.stored(start)).singleElement()
                .satisfies(s -> assertThat(s.decision().orElseThrow().action()).isEqualTo(Action.IGNORE));
    }

    @Test
    void aDuplicateDeliveryIsAnsweredOnce() {
        Posted question = api.privateMessage(6501, "Come si prenota una visita specialistica?");
        api.duplicate(question);
        awaitReplies(question, 1);
        api.duplicate(question);
        telegram.awaitSettled();

        assertThat(api.repliesTo(question)).hasSize(1);
        assertThat(telegram.stored(question)).hasSize(1);
    }

    @Test
    void aServerErrorOnSendingIsRetriedAndAnsweredOnce() {
        api.fail("sendMessage", 500, "Internal Server Error");
        Posted question = api.privateMessage(6601, "Come si rinnova la tessera sanitaria?");

        assertThat(awaitReplies(question, 1)).hasSize(1);
        assertThat(api.calls("sendMessage")).filteredOn(c -> c.chatId().equals(Optional.of(6601L)))
                .extracting(BotApiCall::status).containsExactly(500, 200);
    }

    @Test
    void aRateLimitDelaysTheReplyWhichIsSentOnce() {
        api.rateLimit("sendMessage", 2);
        Posted question = api.privateMessage(6701, "Dove si fanno le vaccinazioni dei bambini?");

        assertThat(awaitReplies(question, 1)).hasSize(1);
        assertThat(api.calls("sendMessage")).filteredOn(c -> c.chatId().equals(Optional.of(6701L)))
                .extracting(BotApiCall::status).containsExactly(429, 200);
        StoredMessage stored = telegram.stored(question).get(0);
        List<OutboxItem> items = telegram.stores().outbox().ofMessage(stored.id());
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(i.attempts()).isEqualTo(2);
            // Not before Telegram's retry_after: the clock is the server's, the delay Telegram's.
            assertThat(Duration.between(i.createdAt(), i.sentAt().orElseThrow())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        });
    }

    @Test
    void aFailingGetUpdatesDoesNotStopPolling() {
        api.fail("getUpdates", 500, "Internal Server Error");
        api.answer("getUpdates", 502, "<html>Bad Gateway</html>", Duration.ZERO);
        FakeBotApi.await("two failed polls", DEADLINE, () -> api.calls("getUpdates").stream()
                .filter(c -> c.status() >= 500).count() >= 2);
        Posted question = api.privateMessage(6801, "Come si cambia il medico di famiglia?");

        assertThat(awaitReplies(question, 1)).hasSize(1);
    }

    @Test
    void aQuestionDeletedBeforeTheReplyIsStillAnswered() {
        var message = api.message(6901, "private", 6901, false).put("text", "Come si rinnova la tessera sanitaria?");
        api.deleteByAuthor(6901, message.get("message_id").asInt());
        Posted question = api.post(message);

        assertThat(awaitReplies(question, 1)).singleElement().satisfies(r -> assertThat(
                r.params().path("reply_parameters").path("allow_sending_without_reply").asBoolean()).isTrue());
    }
}
