package it.sportello.channel.facebook;

import static it.sportello.channel.facebook.FacebookTesting.NOW;
import static it.sportello.channel.facebook.FacebookTesting.PAGE_ID;
import static it.sportello.channel.facebook.FacebookTesting.TOKEN;
import static it.sportello.channel.facebook.FacebookTesting.minutesAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import facebook4j.Facebook;
import it.sportello.contract.Channel;
import it.sportello.contract.Kind;
import it.sportello.contract.Message;
import it.sportello.fake.FakeGraphApi;
import it.sportello.store.Cursors;
import it.sportello.store.Database;
import it.sportello.store.DatabaseConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The poller with the real facebook4j client against a fake Graph API, its cursor in a real (H2) store. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FacebookPollerTest {

    private static final String CITIZEN = "2739104456781234";
    private static final String OTHER = "5519023387461290";

    private FakeGraphApi fake;
    private Database database;
    private Cursors cursors;
    private Facebook graph;
    private final List<Message> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        fake = new FakeGraphApi(PAGE_ID, TOKEN);
        database = Database.open(DatabaseConfig.inMemory("fb-poller-" + UUID.randomUUID()));
        cursors = database.stores().cursors();
        graph = FacebookTesting.graph(fake, TOKEN);
    }

    @AfterEach
    void stop() {
        graph.shutdown();
        database.close();
        fake.close();
    }

    private FacebookPoller poller(Consumer<Message> intake) {
        return new FacebookPoller("ats-milano", PAGE_ID, graph, intake, cursors, FacebookTesting.clock(),
                Duration.ofSeconds(1));
    }

    private FacebookPoller poller() {
        return poller(received::add);
    }

    private List<String> receivedIds() {
        return received.stream().map(Message::id).toList();
    }

    @Test
    void newCommentsAndRepliesAreHandedInOnceAndThePagesOwnAreNot() {
        String post = fake.addPost(minutesAgo(120));
        String question = fake.addComment(post, CITIZEN, "Come si cambia il medico di famiglia?", minutesAgo(30));
        fake.addReply(question, PAGE_ID, "Ecco come fare.", minutesAgo(20));
        String reply = fake.addReply(question, OTHER, "Anche io vorrei saperlo", minutesAgo(10));
        FacebookPoller poller = poller();

        poller.pollOnce();
        poller.pollOnce();

        assertThat(receivedIds()).containsExactly(question, reply);
        Message first = received.get(0);
        assertThat(first.tenant()).isEqualTo("ats-milano");
        assertThat(first.channel()).isEqualTo(Channel.FACEBOOK);
        assertThat(first.kind()).isEqualTo(Kind.COMMENT);
        assertThat(first.author()).isEqualTo("fb:" + CITIZEN);
        assertThat(first.time().toInstant()).isEqualTo(minutesAgo(30));
        assertThat(first.text()).isEqualTo("Come si cambia il medico di famiglia?");
        assertThat(received.get(1).author()).isEqualTo("fb:" + OTHER);
        assertThat(poller.name()).isEqualTo("facebook:ats-milano");
        assertThat(fake.versions()).containsExactly("v21.0");
        assertThat(fake.calls("GET", "/" + post + "/comments")).allSatisfy(call -> {
            assertThat(call.params()).containsEntry("filter", "stream").containsEntry("order", "reverse_chronological");
        });
    }

    @Test
    void aNewPollerOverTheSameStoreNeitherRepeatsNorMisses() {
        String post = fake.addPost(minutesAgo(120));
        Instant second = minutesAgo(30);
        String first = fake.addComment(post, CITIZEN, "Quando apre il CUP?", second);
        poller().pollOnce();
        assertThat(receivedIds()).containsExactly(first);

        // after the first round: one at the same second, one Graph shows late (a little older), one newer
        String sameSecond = fake.addComment(post, OTHER, "Anche a Rho?", second);
        String late = fake.addComment(post, OTHER, "E il sabato?", second.minusSeconds(90));
        String newer = fake.addComment(post, CITIZEN, "Grazie", minutesAgo(5));
        received.clear();

        FacebookPoller restarted = poller();
        restarted.pollOnce();
        restarted.pollOnce();

        assertThat(receivedIds()).containsExactly(late, sameSecond, newer);
    }

    @Test
    void commentsArePagedThroughAndHandedInOldestFirst() {
        fake.pageSize(2);
        String post = fake.addPost(minutesAgo(300));
        List<String> ids = List.of(
                fake.addComment(post, CITIZEN, "Primo", minutesAgo(50)),
                fake.addComment(post, OTHER, "Secondo", minutesAgo(40)),
                fake.addComment(post, CITIZEN, "Terzo", minutesAgo(30)),
                fake.addComment(post, OTHER, "Quarto", minutesAgo(20)),
                fake.addComment(post, CITIZEN, "Quinto", minutesAgo(10)));

        poller().pollOnce();

        assertThat(receivedIds()).containsExactlyElementsOf(ids);
        assertThat(fake.calls("GET", "/" + post + "/comments")).hasSize(3)
                .filteredOn(c -> c.params().containsKey("after")).hasSize(2);
    }

    @Test
    void onAFirstStartOnlyRecentCommentsAreHandedInAndQuietPostsAreNotRead() {
        String old = fake.addPost(NOW.minus(Duration.ofDays(5)));
        fake.addComment(old, CITIZEN, "Commento di cinque giorni fa", NOW.minus(Duration.ofDays(5)).plusSeconds(60));
        String post = fake.addPost(NOW.minus(Duration.ofDays(3)));
        fake.addComment(post, CITIZEN, "Commento di due giorni fa", NOW.minus(Duration.ofDays(2)));
        String recent = fake.addComment(post, OTHER, "Commento di oggi", minutesAgo(15));

        poller().pollOnce();

        assertThat(receivedIds()).containsExactly(recent);
        assertThat(fake.calls("GET", "/" + old + "/comments")).isEmpty();
    }

    @Test
    void aGraphErrorFailsTheRoundAndLeavesTheCursor() {
        String post = fake.addPost(minutesAgo(60));
        String c = fake.addComment(post, CITIZEN, "Quando apre il CUP?", minutesAgo(30));
        fake.fail("GET", "/" + PAGE_ID + "/posts", 1, 500, 2, 0, "Service temporarily unavailable");

        assertThatThrownBy(() -> poller().pollOnce()).isInstanceOf(GraphException.class)
                .hasMessageContaining("500").satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
        assertThat(cursors.get("facebook:ats-milano")).isEmpty();
        assertThat(received).isEmpty();

        fake.fail("GET", "/" + post + "/comments", 1, 403, 4, 0, "(#4) Application request limit reached");
        assertThatThrownBy(() -> poller().pollOnce()).isInstanceOf(GraphException.class).hasMessageContaining("code 4");
        assertThat(received).isEmpty();

        poller().pollOnce();
        assertThat(receivedIds()).containsExactly(c);
        assertThat(cursors.get("facebook:ats-milano")).isPresent();
    }

    @Test
    void aPostThatCannotBeReadDoesNotStopTheOthers() {
        String gone = fake.addPost(minutesAgo(90));
        fake.addComment(gone, CITIZEN, "Sotto un post poi cancellato", minutesAgo(40));
        String post = fake.addPost(minutesAgo(60));
        String c = fake.addComment(post, OTHER, "Quando apre il CUP?", minutesAgo(30));
        fake.fail("GET", "/" + gone + "/comments", 1, 400, 100, 33, "Unsupported get request. Object does not exist");

        poller().pollOnce();

        assertThat(receivedIds()).containsExactly(c);
    }

    @Test
    void whenTheIntakeCannotStoreTheCursorStaysAndTheRoundIsRepeated() {
        String post = fake.addPost(minutesAgo(60));
        String a = fake.addComment(post, CITIZEN, "Prima domanda", minutesAgo(30));
        String b = fake.addComment(post, OTHER, "Seconda domanda", minutesAgo(20));
        List<String> attempts = new CopyOnWriteArrayList<>();
        Consumer<Message> failingOnB = m -> {
            attempts.add(m.id());
            if (m.id().equals(b) && attempts.size() < 3) {
                throw new IllegalStateException("store down");
            }
        };

        assertThatThrownBy(() -> poller(failingOnB).pollOnce()).isInstanceOf(IllegalStateException.class);
        assertThat(cursors.get("facebook:ats-milano")).isEmpty();
        poller(failingOnB).pollOnce();

        assertThat(attempts).containsExactly(a, b, a, b);
        attempts.clear();
        poller(failingOnB).pollOnce();
        assertThat(attempts).isEmpty();
    }

    @Test
    void aWrongTokenFailsTheRoundWithoutShowingTheToken() {
        fake.addPost(minutesAgo(60));
        Facebook wrong = FacebookTesting.graph(fake, "EAAwrongTokenXyZ1234567890abcdefghijklmnopqrstuvwxyz");
        try {
            FacebookPoller poller = new FacebookPoller("ats-milano", PAGE_ID, wrong, received::add, cursors,
                    FacebookTesting.clock(), Duration.ofSeconds(1));
            assertThatThrownBy(poller::pollOnce).isInstanceOf(GraphException.class).hasMessageContaining("190")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("EAAwrong").doesNotContain("http"));
        } finally {
            wrong.shutdown();
        }
    }
}
