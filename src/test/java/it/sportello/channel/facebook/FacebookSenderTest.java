package it.sportello.channel.facebook;

import static it.sportello.channel.facebook.FacebookTesting.NOW;
import static it.sportello.channel.facebook.FacebookTesting.PAGE_ID;
import static it.sportello.channel.facebook.FacebookTesting.TOKEN;
import static it.sportello.channel.facebook.FacebookTesting.minutesAgo;
import static org.assertj.core.api.Assertions.assertThat;

import facebook4j.Facebook;
import it.sportello.contract.Channel;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.delivery.Delivery;
import it.sportello.fake.FakeGraphApi;
import it.sportello.store.Database;
import it.sportello.store.DatabaseConfig;
import it.sportello.store.MessageStore;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxKind;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The sender with the real facebook4j client (and the JDK's for Messenger) against a fake Graph API. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FacebookSenderTest {

    private static final String CITIZEN = "2739104456781234";
    private static final String PSID = "6120934477215508";
    private static final String ANSWER = "Il medico si cambia online sul Fascicolo sanitario: https://www.ats-milano.it/medico";

    private FakeGraphApi fake;
    private Database database;
    private MessageStore messages;
    private final List<Facebook> clients = new ArrayList<>();
    private FacebookSender sender;
    private String comment;
    private long stored;

    @BeforeEach
    void start() {
        fake = new FakeGraphApi(PAGE_ID, TOKEN);
        database = Database.open(DatabaseConfig.inMemory("fb-sender-" + UUID.randomUUID()));
        messages = database.stores().messages();
        sender = sender(TOKEN);
        String post = fake.addPost(minutesAgo(60));
        comment = fake.addComment(post, CITIZEN, "Come si cambia il medico?", minutesAgo(10));
        stored = store(comment, Kind.COMMENT, CITIZEN);
    }

    @AfterEach
    void stop() {
        clients.forEach(Facebook::shutdown);
        database.close();
        fake.close();
    }

    private FacebookSender sender(String token) {
        Facebook graph = FacebookTesting.graph(fake, token);
        clients.add(graph);
        MessengerClient messenger = new MessengerClient(HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build(),
                FacebookTesting.config(fake), PAGE_ID, token, Duration.ofMillis(700));
        return new FacebookSender(PAGE_ID, graph, messages, Optional.of(messenger));
    }

    private long store(String externalId, Kind kind, String user) {
        return messages.accept(new Message(externalId, "ats-milano", Channel.FACEBOOK, kind, "fb:" + user,
                minutesAgo(10).atOffset(ZoneOffset.UTC), "testo"), false, NOW).stored().id();
    }

    private static OutboxItem item(OutboxKind kind, long message, String user) {
        return OutboxItem.draft("ats-milano", Channel.FACEBOOK, kind, "fb:" + user, Optional.of(message),
                kind == OutboxKind.REPLY ? Optional.of(ANSWER) : Optional.empty(), NOW);
    }

    private OutboxItem item(OutboxKind kind) {
        return item(kind, stored, CITIZEN);
    }

    @Test
    void aReplyAnswersTheComment() {
        assertThat(sender.send(item(OutboxKind.REPLY))).isInstanceOf(Delivery.Sent.class);
        assertThat(fake.replies(comment)).containsExactly(ANSWER);
        assertThat(fake.versions()).containsExactly("v21.0");
    }

    @Test
    void hideRestoreAndDeleteActOnTheComment() {
        assertThat(sender.send(item(OutboxKind.HIDE))).isInstanceOf(Delivery.Sent.class);
        assertThat(fake.hidden(comment)).isTrue();
        assertThat(fake.calls("POST", "/" + comment)).singleElement()
                .satisfies(c -> assertThat(c.params()).containsEntry("is_hidden", "true"));

        assertThat(sender.send(item(OutboxKind.RESTORE))).isInstanceOf(Delivery.Sent.class);
        assertThat(fake.hidden(comment)).isFalse();

        assertThat(sender.send(item(OutboxKind.DELETE))).isInstanceOf(Delivery.Sent.class);
        assertThat(fake.deleted(comment)).isTrue();
    }

    @Test
    void aBanBlocksTheAuthorFromThePageAndTheLiftUnblocks() {
        assertThat(sender.send(item(OutboxKind.BAN))).isInstanceOf(Delivery.Sent.class);
        assertThat(fake.blocked()).containsExactly(CITIZEN);
        assertThat(fake.calls("POST", "/" + PAGE_ID + "/blocked")).singleElement()
                .satisfies(c -> assertThat(c.params()).containsEntry("user", CITIZEN));

        OutboxItem lift = OutboxItem.draft("ats-milano", Channel.FACEBOOK, OutboxKind.UNBAN, "fb:" + CITIZEN,
                Optional.empty(), Optional.empty(), NOW);
        assertThat(sender.send(lift)).isInstanceOf(Delivery.Sent.class);
        assertThat(fake.blocked()).isEmpty();
        assertThat(fake.calls("DELETE", "/" + PAGE_ID + "/blocked")).singleElement()
                .satisfies(c -> assertThat(c.params()).containsEntry("user", CITIZEN));
    }

    @Test
    void aServerErrorIsRetriedAndTheNextAttemptSucceeds() {
        fake.fail("POST", "/" + comment + "/comments", 1, 500, 2, 0, "Service temporarily unavailable");
        assertThat(sender.send(item(OutboxKind.REPLY))).isInstanceOfSatisfying(Delivery.Retry.class, r -> {
            assertThat(r.after()).isEmpty();
            assertThat(r.error()).contains("500").doesNotContain(TOKEN).doesNotContain(ANSWER);
        });
        assertThat(fake.replies(comment)).isEmpty();

        assertThat(sender.send(item(OutboxKind.REPLY))).isInstanceOf(Delivery.Sent.class);
        assertThat(fake.replies(comment)).containsExactly(ANSWER);
    }

    @Test
    void aTimeoutIsRetried() {
        fake.delay("POST", "/" + comment, Duration.ofSeconds(2));
        assertThat(sender.send(item(OutboxKind.HIDE))).isInstanceOfSatisfying(Delivery.Retry.class, r -> {
            assertThat(r.after()).isEmpty();
            assertThat(r.error()).contains("SocketTimeoutException").doesNotContain(TOKEN).doesNotContain("http");
        });
    }

    @Test
    void throttlingIsRetriedAfterWhatTheUsageHeaderSaysOrAFewMinutes() {
        String usage = "{\"" + PAGE_ID + "\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":12,"
                + "\"total_time\":20,\"estimated_time_to_regain_access\":7}]}";
        fake.answer("POST", "/" + comment + "/comments", 1, 400,
                FakeGraphApi.error(80001, 0, "There have been too many calls to this Page account."), Duration.ZERO,
                Map.of("X-Business-Use-Case-Usage", usage));
        assertThat(sender.send(item(OutboxKind.REPLY))).isInstanceOfSatisfying(Delivery.Retry.class,
                r -> assertThat(r.after()).contains(Duration.ofMinutes(7)));

        fake.fail("POST", "/" + comment + "/comments", 1, 403, 4, 0, "(#4) Application request limit reached");
        assertThat(sender.send(item(OutboxKind.REPLY))).isInstanceOfSatisfying(Delivery.Retry.class, r -> {
            assertThat(r.after()).contains(GraphError.THROTTLE_WAIT);
            assertThat(r.error()).contains("code 4");
        });

        fake.fail("POST", "/" + comment, 1, 400, 613, 0, "Calls to this api have exceeded the rate limit.");
        assertThat(sender.send(item(OutboxKind.HIDE))).isInstanceOfSatisfying(Delivery.Retry.class,
                r -> assertThat(r.after()).contains(GraphError.THROTTLE_WAIT));
        assertThat(fake.replies(comment)).isEmpty();
    }

    @Test
    void aCommentDeletedBeforeTheReplyIsRejectedClearly() {
        fake.deleteByAuthor(comment);
        assertThat(sender.send(item(OutboxKind.REPLY))).isInstanceOfSatisfying(Delivery.Rejected.class,
                r -> assertThat(r.error()).contains("code 100/33").contains("no longer on Facebook"));
        assertThat(sender.send(item(OutboxKind.HIDE))).isInstanceOf(Delivery.Rejected.class);
    }

    @Test
    void aWrongTokenIsRejectedWithoutShowingIt() {
        String wrong = "EAAwrongTokenXyZ1234567890abcdefghijklmnopqrstuvwxyz";
        assertThat(sender(wrong).send(item(OutboxKind.HIDE))).isInstanceOfSatisfying(Delivery.Rejected.class, r -> {
            assertThat(r.error()).contains("190").contains("token").doesNotContain(wrong);
        });
        assertThat(fake.hidden(comment)).isFalse();
    }

    @Test
    void aMessengerReplyGoesThroughTheSendApi() {
        long conversation = store("m:mid.1764063000:9f3a", Kind.MESSAGE, PSID);
        assertThat(sender.send(item(OutboxKind.REPLY, conversation, PSID))).isInstanceOf(Delivery.Sent.class);
        assertThat(fake.messagesTo(PSID)).containsExactly(ANSWER);
        assertThat(fake.calls("POST", "/" + PAGE_ID + "/messages")).singleElement()
                .satisfies(c -> assertThat(c.params().get("json")).contains("\"messaging_type\":\"RESPONSE\""));
    }

    @Test
    void messengerFaultsAreRetriedOrRejected() {
        long conversation = store("m:mid.1764063000:7b21", Kind.MESSAGE, PSID);
        fake.fail("POST", "/" + PAGE_ID + "/messages", 1, 400, 613, 0, "Calls to this api have exceeded the rate limit.");
        assertThat(sender.send(item(OutboxKind.REPLY, conversation, PSID))).isInstanceOfSatisfying(Delivery.Retry.class,
                r -> assertThat(r.after()).contains(GraphError.THROTTLE_WAIT));
        fake.fail("POST", "/" + PAGE_ID + "/messages", 1, 500, 2, 0, "Service temporarily unavailable");
        assertThat(sender.send(item(OutboxKind.REPLY, conversation, PSID))).isInstanceOf(Delivery.Retry.class);
        fake.fail("POST", "/" + PAGE_ID + "/messages", 1, 400, 10, 2018278,
                "(#10) This message is sent outside of allowed window.");
        assertThat(sender.send(item(OutboxKind.REPLY, conversation, PSID))).isInstanceOfSatisfying(Delivery.Rejected.class,
                r -> assertThat(r.error()).contains("24-hour window"));
        fake.fail("POST", "/" + PAGE_ID + "/messages", 1, 400, 551, 0, "This person isn't available right now.");
        assertThat(sender.send(item(OutboxKind.REPLY, conversation, PSID))).isInstanceOf(Delivery.Rejected.class);
        fake.delay("POST", "/" + PAGE_ID + "/messages", Duration.ofSeconds(2));
        assertThat(sender.send(item(OutboxKind.REPLY, conversation, PSID))).isInstanceOfSatisfying(Delivery.Retry.class,
                r -> assertThat(r.error()).doesNotContain(TOKEN));
        assertThat(fake.messagesTo(PSID)).isEmpty();
    }

    @Test
    void whatThePageCannotDoIsRejectedWithoutACall() {
        long conversation = store("m:mid.1764063000:1c44", Kind.MESSAGE, PSID);
        assertThat(sender.send(item(OutboxKind.HIDE, conversation, PSID))).isInstanceOf(Delivery.Rejected.class);
        assertThat(sender.send(item(OutboxKind.REPLY, 987654L, CITIZEN))).isInstanceOf(Delivery.Rejected.class);
        OutboxItem notAUser = OutboxItem.draft("ats-milano", Channel.FACEBOOK, OutboxKind.BAN, "web:abcdefabcdefabcdef",
                Optional.of(stored), Optional.empty(), NOW);
        assertThat(sender.send(notAUser)).isInstanceOf(Delivery.Rejected.class);
        assertThat(fake.calls()).isEmpty();
    }
}
