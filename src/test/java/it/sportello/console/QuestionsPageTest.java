package it.sportello.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The questions the bot could not answer, most frequent first, for curators to write sections from. */
class QuestionsPageTest {

    static final String PARKING = "Quanto costa il parcheggio dell'ospedale di Marte?";
    static final String POOL = "Vorrei sapere gli orari della piscina comunale";

    @TempDir
    static Path data;
    static ConsoleServer console;

    @BeforeAll
    static void start() {
        console = ConsoleServer.start(data);
        // Ten days ago, once: inside 30 days, outside 7.
        console.clock.set(ConsoleServer.ON_DUTY.minus(Duration.ofDays(10)));
        console.receive("ats-milano", ConsoleServer.webAuthor("q-old"), POOL);
        console.clock.set(ConsoleServer.ON_DUTY.minus(Duration.ofDays(2)));
        console.receive("ats-milano", ConsoleServer.webAuthor("q-1"), PARKING);
        console.receive("ats-milano", ConsoleServer.webAuthor("q-2"), "quanto costa il PARCHEGGIO dell ospedale di marte");
        console.clock.set(ConsoleServer.ON_DUTY.minus(Duration.ofDays(1)));
        console.receive("ats-milano", ConsoleServer.webAuthor("q-3"), PARKING);
        console.receive("asst-crema", ConsoleServer.webAuthor("q-4"), "Posso portare il mio gatto in piscina?");
        console.clock.set(ConsoleServer.ON_DUTY);
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    private static List<List<String>> rows(Browser.Page page) {
        return page.doc().select("table.questions tbody tr").stream()
                .map(tr -> tr.select("th, td").eachText()).toList();
    }

    @Test
    void theMostFrequentQuestionComesFirstWithItsCountAndLastTime() {
        Browser carla = console.browser().loggedInAs("carla");
        Browser.Page page = carla.get("/console/ats-milano/questions");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select("h1").text()).isEqualTo("Domande senza risposta");
        assertThat(page.doc().select("p.intro").text()).contains("nuova sezione della base di conoscenza");
        assertThat(rows(page)).containsExactly(
                List.of(PARKING, "3", "24/11/2026 10:30"),
                List.of(POOL, "1", "15/11/2026 10:30"));
        assertThat(page.body()).doesNotContain("gatto");
    }

    @Test
    void daysNarrowsTheWindow() {
        Browser carla = console.browser().loggedInAs("carla");
        Browser.Page week = carla.get("/console/ats-milano/questions?days=7");
        assertThat(rows(week)).extracting(r -> r.get(0)).containsExactly(PARKING);
        Element days = week.doc().select("input#days").first();
        assertThat(days.attr("value")).isEqualTo("7");
        assertThat(week.doc().select("label[for=days]").text()).isEqualTo("Ultimi giorni");
        assertThat(rows(carla.get("/console/ats-milano/questions?days=nonsense"))).hasSize(2);
    }

    @Test
    void moderatorsOfTheTenantSeeItTooOthersDoNot() {
        assertThat(console.browser().loggedInAs("anna").get("/console/ats-milano/questions").status()).isEqualTo(200);
        assertThat(console.browser().loggedInAs("bruno").get("/console/ats-milano/questions").status()).isEqualTo(403);
        Browser.Page crema = console.browser().loggedInAs("bruno").get("/console/asst-crema/questions");
        assertThat(rows(crema)).extracting(r -> r.get(0)).containsExactly("Posso portare il mio gatto in piscina?");
    }
}
