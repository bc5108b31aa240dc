package it.sportello.channel.facebook;

import static it.sportello.channel.facebook.FacebookTesting.APP_SECRET;
import static it.sportello.channel.facebook.FacebookTesting.NOW;
import static it.sportello.channel.facebook.FacebookTesting.PAGE_ID;
import static it.sportello.channel.facebook.FacebookTesting.TOKEN;
import static it.sportello.fake.FakeGraphApi.await;
import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.app.Server;
import it.sportello.channel.ChannelConfig;
import it.sportello.channel.ChannelSettings;
import it.sportello.contract.Channel;
import it.sportello.fake.FakeGraphApi;
import it.sportello.store.Ban;
import it.sportello.store.BanStatus;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxKind;
import it.sportello.store.StoredMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sportello serving a tenant's Facebook page end to end: comments polled from a fake Graph API, decided by the
 * real pipeline, carried out through the outbox with facebook4j; Messenger through its signed webhook and the
 * Send API; a moderator's ban, lift and restore through the outbox as the console enqueues them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FacebookChannelTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String[] INSULTS = {"Siete una massa di incompetenti e ladri", "Buffoni, vergognatevi",
        "Incompetenti, fate schifo"};

    @TempDir
    static Path data;

    private final Clock clock = Clock.fixed(NOW, ZoneId.of("Europe/Rome"));
    private final AtomicLong seconds = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FakeGraphApi fake;
    private Server server;
    private String post;

    @BeforeAll
    void start() {
        fake = new FakeGraphApi(PAGE_ID, TOKEN);
        post = fake.addPost(NOW.minus(Duration.ofHours(2)));
        ChannelConfig shipped = ChannelConfig.load(Path.of("config/channels.yaml"),
                Map.of("SPORTELLO_GRAPH_API", fake.url(), "SPORTELLO_LEASE_SECONDS", "5"));
        // the shipped 30 s between polls, shortened to the minimum
        ChannelConfig config = new ChannelConfig(shipped.telegram(), new ChannelConfig.Facebook(shipped.facebook().graph(),
                shipped.facebook().graphVersion(), 1, shipped.facebook().perSecond()), shipped.leaseSeconds());
        server = Server.start(Server.Settings.embedded(Path.of("."), data, 0)
                .withChannels(new ChannelSettings(config, List.of(), List.of(FacebookTesting.page(true)))), clock, it.sportello.Fixtures.TRAINER);
        await("the poller's lease", WAIT, () -> server.polling("facebook:ats-milano"));
    }

    @AfterAll
    void stop() {
        server.close();
        fake.close();
    }

    /** A citizen's comment, each a few seconds after the previous one. */
    private String comment(String citizen, String text) {
        return fake.addComment(post, citizen, text, NOW.plusSeconds(5 * seconds.incrementAndGet()));
    }

    private StoredMessage stored(String citizen, String commentId) {
        List<StoredMessage> mine = server.stores().messages().moderatedOf("ats-milano", "fb:" + citizen,
                NOW.minus(Duration.ofDays(1)), 10);
        return mine.stream().filter(m -> m.message().id().equals(commentId)).findFirst().orElseThrow();
    }

    private long enqueue(OutboxKind kind, String citizen, Optional<Long> message) {
        return server.stores().outbox().enqueue(OutboxItem.draft("ats-milano", Channel.FACEBOOK, kind, "fb:" + citizen,
                message, Optional.empty(), clock.instant()));
    }

    @Test
    void aQuestionInACommentIsAnsweredWithTheKnowledgeBaseLink() {
        String c = comment("2739104456781234", "Come si cambia il medico di famiglia?");

        await("a reply to the question", WAIT, () -> !fake.replies(c).isEmpty());
        assertThat(fake.replies(c)).singleElement().asString().contains("Trovi i dettagli qui: https://");
        assertThat(fake.hidden(c)).isFalse();
        assertThat(fake.versions()).containsExactly("v21.0");
    }

    @Test
    void anInsultIsHiddenAndWarnedAndAModeratorsRestoreShowsItAgain() {
        String citizen = "5519023387461290";
        String c = comment(citizen, "Siete una massa di incompetenti e ladri");

        await("the insult hidden and warned", WAIT, () -> fake.hidden(c) && !fake.replies(c).isEmpty());
        assertThat(fake.replies(c)).singleElement().asString().startsWith("Il tuo commento è stato nascosto");

        enqueue(OutboxKind.RESTORE, citizen, Optional.of(stored(citizen, c).id()));
        await("the comment restored", WAIT, () -> !fake.hidden(c));
    }

    @Test
    void aPhoneNumberInACommentGetsTheCommentHidden() {
        String c = comment("3388120945561723", "Chiamatemi al 333 1234567, come si prenota una visita?");

        await("the comment with a phone number hidden", WAIT, () -> fake.hidden(c));
    }

    @Test
    void aConfirmedBanBlocksTheAuthorAndItsLiftUnblocks() {
        String citizen = "7001234598761122";
        String last = null;
        for (String insult : INSULTS) {
            last = comment(citizen, insult);
        }
        String third = last;
        await("the third insult hidden", WAIT, () -> fake.hidden(third));
        Ban proposed = server.stores().bans().ofAuthor("ats-milano", "fb:" + citizen).stream()
                .filter(b -> b.status() == BanStatus.PROPOSED).findFirst().orElseThrow();

        // what the console does on "Conferma ban" (console.ItemActions.confirmBan)
        assertThat(server.stores().bans().decide(proposed.id(), BanStatus.CONFIRMED, "anna", clock.instant())).isTrue();
        enqueue(OutboxKind.BAN, citizen, proposed.messageId());
        await("the author blocked from the page", WAIT, () -> fake.blocked().contains(citizen));

        assertThat(server.stores().bans().lift(proposed.id(), "anna", clock.instant())).isTrue();
        enqueue(OutboxKind.UNBAN, citizen, proposed.messageId());
        await("the block lifted", WAIT, () -> !fake.blocked().contains(citizen));
    }

    @Test
    void aMessengerQuestionIsAnsweredOnceThroughTheSendApi() throws Exception {
        String psid = "6120934477215508";
        String first = MessengerWebhookTest.delivery(messengerText(psid, "mid.1764063000:a1", "Come si cambia il medico di famiglia?"));

        assertThat(deliver(first)).isEqualTo(200);
        await("the Messenger answer", WAIT, () -> fake.messagesTo(psid).size() == 1);
        assertThat(fake.messagesTo(psid).get(0)).contains("https://");

        // Meta delivers the same event again, then a new one: only the new one is answered
        assertThat(deliver(first)).isEqualTo(200);
        assertThat(deliver(MessengerWebhookTest.delivery(messengerText(psid, "mid.1764063060:b2",
                "Come si prenota una visita?")))).isEqualTo(200);
        await("the second answer", WAIT, () -> fake.messagesTo(psid).size() >= 2);
        assertThat(fake.messagesTo(psid)).hasSize(2);
    }

    private static String messengerText(String psid, String mid, String text) {
        long at = NOW.toEpochMilli();
        return "{\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"" + PAGE_ID + "\"},\"timestamp\":" + at
                + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}}";
    }

    private int deliver(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/facebook/ats-milano/webhook"))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", FakeGraphApi.sign(body, APP_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
