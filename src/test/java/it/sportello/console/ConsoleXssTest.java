package it.sportello.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.contract.Channel;
import it.sportello.store.Escalation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever a citizen writes shows as text in every console page, never as markup. */
class ConsoleXssTest {

    static final String SCRIPT = "<script>alert(1)</script> a che ora apre il mercato rionale?";
    static final String IMG = "<img src=x onerror=alert(1)> siete dei buffoni incapaci";
    static final String QUOTES = "\"><script>alert(2)</script>' orari della piscina comunale";
    static final String SVG = "<svg onload=alert(3)> siete degli incompetenti e dei ladri";
    static final List<String> PAYLOADS = List.of(SCRIPT, IMG, QUOTES, SVG);

    @TempDir
    static Path data;
    static ConsoleServer console;
    static final String AUTHOR = ConsoleServer.webAuthor("xss-author");

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        console = ConsoleServer.start(data);
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        int n = 0;
        for (String text : List.of(SCRIPT, IMG, QUOTES)) {
            String body = json.writeValueAsString(Map.of("id", "x" + n++, "tenant", "ats-milano", "channel", "web",
                    "kind", "comment", "author", AUTHOR, "text", text));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(console.server.baseUrl() + "/api/v1/messages"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        console.receive("ats-milano", Channel.FACEBOOK, "fb:4242", SVG);
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    /** No element a payload could have made, no raw payload in the source, and each payload as text. */
    private static void assertInert(Browser.Page page, List<String> expectedAsText) {
        assertThat(page.status()).isEqualTo(200);
        Document doc = page.doc();
        assertThat(doc.select("script, img, svg, iframe")).isEmpty();
        assertThat(doc.getAllElements()).allSatisfy(el -> assertThat(el.attributes().asList())
                .noneMatch(a -> a.getKey().startsWith("on")));
        assertThat(page.body()).doesNotContain("<script>alert", "<img src=x", "<svg onload", "\"><script>",
                "<b onmouseover");
        String text = doc.text();
        for (String payload : expectedAsText) {
            assertThat(text).contains(payload);
        }
    }

    @Test
    void theQueueShowsThePayloadsAsText() {
        Browser anna = console.browser().loggedInAs("anna");
        Browser.Page queue = anna.get("/console/ats-milano/queue?status=all");
        assertInert(queue, PAYLOADS);
        assertThat(queue.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void everyItemPageShowsItsMessageAndTheAuthorsHistoryAsText() {
        Browser anna = console.browser().loggedInAs("anna");
        List<Escalation> items = console.stores().escalations()
                .queue(new it.sportello.store.QueueFilter("ats-milano", java.util.Set.of(), java.util.Optional.empty(), 100));
        assertThat(items).hasSize(4);
        for (Escalation e : items) {
            Browser.Page item = anna.get(ConsoleServer.itemPath(e));
            assertInert(item, List.of(e.message().message().text()));
            assertThat(item.doc().select("blockquote.message").text()).isEqualTo(e.message().message().text());
        }
        Escalation insult = items.stream().filter(e -> e.message().message().text().equals(IMG)).findFirst().orElseThrow();
        Browser.Page insultPage = anna.get(ConsoleServer.itemPath(insult));
        assertThat(insultPage.doc().select("table.strikes td").eachText()).contains(IMG);
        // why the bot decided: the evidence table names the rule or the model score, never the text again
        assertThat(insultPage.doc().select("table.evidence caption").text()).isEqualTo("Perché il bot ha deciso così");
        assertThat(insultPage.doc().select("table.evidence th[scope=row]").eachText()).contains("Insulto");
        assertThat(insultPage.doc().select("table.evidence").text()).doesNotContain("buffoni");
    }

    @Test
    void aModeratorsReplyIsTextToo() {
        Browser anna = console.browser().loggedInAs("anna");
        Escalation question = console.stores().escalations()
                .queue(it.sportello.store.QueueFilter.pending("ats-milano")).stream()
                .filter(e -> e.message().message().text().equals(QUOTES)).findFirst().orElseThrow();
        String reply = "<b onmouseover=alert(4)>Gli orari</b> sono sul sito del Comune.";
        assertThat(anna.submit(ConsoleServer.itemPath(question), ConsoleServer.itemPath(question) + "/reply",
                Map.of("text", reply)).status()).isEqualTo(303);
        Browser.Page item = anna.get(ConsoleServer.itemPath(question));
        assertThat(item.doc().select("b")).isEmpty();
        assertThat(item.doc().text()).contains(reply);
    }

    @Test
    void theQuestionsPageShowsThePayloadsAsText() {
        Browser carla = console.browser().loggedInAs("carla");
        Browser.Page questions = carla.get("/console/ats-milano/questions");
        assertInert(questions, List.of(SCRIPT, QUOTES));
        assertThat(questions.doc().select("table.questions tbody th").eachText()).contains(SCRIPT, QUOTES);
    }
}
