package it.sportello.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.Fixtures;
import it.sportello.app.Sportello;
import it.sportello.guard.InMemoryPostHistory;
import it.sportello.guard.InMemoryStrikeStore;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ask --jsonl}: one decision a line, same order and ids, exactly the contract's fields and values. */
class AskJsonlTest {

    private static final Set<String> ACTIONS = Set.of("answer", "redirect", "moderate", "escalate", "emergency", "ignore", "error");
    private static final Set<String> REASONS = Set.of("personal_case", "contact_request", "minor", "emergency", "insult",
            "threat", "discrimination", "political", "spam", "illegal", "obscene", "misinformation", "off_topic", "repeated",
            "low_confidence", "personal_data", "out_of_hours");
    private static final Set<String> FIELDS = Set.of("id", "action", "reasons", "hide", "sanction", "sections", "reply", "confidence");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Sportello sportello;

    @BeforeAll
    static void start() {
        sportello = Sportello.start(Fixtures.HOME, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneId.of("Europe/Rome")),
                new InMemoryStrikeStore(), new InMemoryPostHistory(), Fixtures.TRAINER);
    }

    @AfterAll
    static void stop() {
        sportello.close();
    }

    @Test
    void everyLineGetsAContractDecisionInOrder() throws Exception {
        String input = String.join("\n",
                "{\"id\":\"a1\",\"tenant\":\"ats-milano\",\"channel\":\"facebook\",\"kind\":\"comment\",\"author\":\"fb:1\",\"time\":\"2026-11-25T11:00:00+01:00\",\"text\":\"Come si cambia il medico di base?\",\"expect\":{\"action\":\"answer\"}}",
                "not json at all",
                "{\"id\":\"a3\",\"tenant\":\"asl-nowhere\",\"text\":\"ciao\"}",
                "{\"id\":\"a4\",\"tenant\":\"asst-crema\"}",
                "",
                "{\"id\":\"a5\",\"tenant\":\"ats-milano\",\"channel\":\"web\",\"kind\":\"message\",\"author\":\"web:5\",\"time\":\"2026-11-29T10:30:00+01:00\",\"text\":\"Dove posso vedere la partita stasera?\"}",
                "{\"id\":\"a6\",\"tenant\":\"asst-crema\",\"text\":\"Grazie mille!\"}",
                "{\"id\":\"a7\",\"tenant\":\"asst-crema\",\"channel\":\"fax\",\"text\":\"Orari CUP\"}",
                "{\"id\":\"a8\",\"tenant\":\"asst-crema\",\"time\":\"yesterday\",\"text\":\"Orari CUP\"}",
                "[1,2,3]");

        List<JsonNode> out = run(input);

        assertThat(out).extracting(d -> d.get("id").asText())
                .containsExactly("a1", "line-2", "a3", "a4", "a5", "a6", "a7", "a8", "line-10");
        out.forEach(AskJsonlTest::assertContractShape);
        assertThat(out).extracting(d -> d.get("action").asText())
                .containsExactly("answer", "error", "error", "error", "escalate", "ignore", "error", "error", "error");
        assertThat(out.get(1).get("error").asText()).startsWith("not valid JSON");
        assertThat(out.get(2).get("error").asText()).isEqualTo("unknown tenant 'asl-nowhere'");
        assertThat(out.get(3).get("error").asText()).isEqualTo("missing field 'text'");
        assertThat(out.get(6).get("error").asText()).isEqualTo("unknown channel 'fax'");
        assertThat(out.get(7).get("error").asText()).contains("ISO-8601");
        JsonNode answer = out.get(0);
        assertThat(answer.get("sections").get(0).get("id").asText()).isEqualTo("scelta-revoca-medico");
        assertThat(answer.get("reply").asText()).contains(answer.get("sections").get(0).get("url").asText());
        assertThat(out.get(4).get("reasons")).extracting(JsonNode::asText).containsExactly("low_confidence", "out_of_hours");
    }

    private static List<JsonNode> run(String input) throws Exception {
        StringWriter buffer = new StringWriter();
        int rc = AskCommand.streamLines(sportello, new StringReader(input), new PrintWriter(buffer));
        assertThat(rc).isZero();
        List<JsonNode> out = new ArrayList<>();
        for (String line : buffer.toString().split("\n")) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static void assertContractShape(JsonNode d) {
        Set<String> names = new java.util.HashSet<>();
        Iterator<String> it = d.fieldNames();
        it.forEachRemaining(names::add);
        boolean isError = "error".equals(d.get("action").asText());
        assertThat(names).as(d.toString()).containsAll(FIELDS);
        assertThat(names).as(d.toString()).isSubsetOf(isError ? union(FIELDS, "error") : union(FIELDS, "evidence"));
        if (!isError) {
            assertThat(d.get("evidence").isArray()).as("every decision says what made it").isTrue();
            d.get("evidence").forEach(e -> assertThat(e.get("about").isTextual() && e.get("by").isTextual()).isTrue());
        }
        assertThat(d.get("id").isTextual()).isTrue();
        assertThat(ACTIONS).contains(d.get("action").asText());
        assertThat(d.get("reasons").isArray()).isTrue();
        d.get("reasons").forEach(r -> assertThat(REASONS).contains(r.asText()));
        assertThat(d.get("hide").isBoolean()).isTrue();
        assertThat(Set.of("none", "warning", "ban_proposed")).contains(d.get("sanction").asText());
        assertThat(d.get("sections").isArray()).isTrue();
        d.get("sections").forEach(s -> {
            assertThat(s.get("id").isTextual()).isTrue();
            assertThat(s.get("title").isTextual()).isTrue();
            assertThat(s.get("url").asText()).startsWith("https://");
            assertThat(s.get("score").isNumber()).isTrue();
        });
        if ("answer".equals(d.get("action").asText())) {
            assertThat(d.get("sections")).isNotEmpty();
        }
        assertThat(d.get("reply").isTextual()).isTrue();
        assertThat(d.get("confidence").asDouble()).isBetween(0.0, 1.0);
    }

    private static Set<String> union(Set<String> a, String b) {
        Set<String> s = new java.util.HashSet<>(a);
        s.add(b);
        return s;
    }
}
