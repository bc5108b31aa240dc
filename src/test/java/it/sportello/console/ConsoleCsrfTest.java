package it.sportello.console;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.store.Escalation;
import it.sportello.store.EscalationStatus;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every post needs the session's token and, when the browser names one, our own origin. */
class ConsoleCsrfTest {

    @TempDir
    static Path data;
    static ConsoleServer console;

    @BeforeAll
    static void start() {
        console = ConsoleServer.start(data);
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    private Escalation question(String author) {
        return console.escalation(console.receive("ats-milano", ConsoleServer.webAuthor(author),
                "Vorrei sapere gli orari della piscina comunale"));
    }

    private EscalationStatus status(Escalation e) {
        return console.stores().escalations().find(e.id()).orElseThrow().status();
    }

    @Test
    void aPostWithoutOrWithAWrongTokenIsRefusedAndChangesNothing() {
        Escalation e = question("csrf-missing");
        Browser anna = console.browser().loggedInAs("anna");
        String claim = ConsoleServer.itemPath(e) + "/claim";

        Browser.Page missing = anna.post(claim, Map.of());
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.doc().select(".error").text()).contains("Il modulo non è valido");
        Browser.Page wrong = anna.post(claim, Map.of("_csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(wrong.status()).isEqualTo(403);
        String othersToken = console.browser().loggedInAs("dora").get("/console/ats-milano/queue").csrf();
        assertThat(anna.post(claim, Map.of("_csrf", othersToken)).status()).isEqualTo(403);
        assertThat(status(e)).isEqualTo(EscalationStatus.OPEN);

        Browser.Page ok = anna.submit(ConsoleServer.itemPath(e), claim, Map.of());
        assertThat(ok.status()).isEqualTo(303);
        assertThat(status(e)).isEqualTo(EscalationStatus.CLAIMED);
    }

    @Test
    void aPostFromAnotherOriginIsRefusedEvenWithTheToken() {
        Escalation e = question("csrf-origin");
        Browser anna = console.browser().loggedInAs("anna");
        String csrf = anna.get(ConsoleServer.itemPath(e)).csrf();
        String dismiss = ConsoleServer.itemPath(e) + "/dismiss";

        for (Map<String, String> headers : new Map[] {Map.of("Origin", "https://evil.example"), Map.of("Origin", "null"),
                Map.of("Sec-Fetch-Site", "cross-site")}) {
            Browser.Page p = anna.post(dismiss, Map.of("_csrf", csrf), headers);
            assertThat(p.status()).as(headers.toString()).isEqualTo(403);
        }
        assertThat(status(e)).isEqualTo(EscalationStatus.OPEN);

        Browser.Page same = anna.post(dismiss, Map.of("_csrf", csrf),
                Map.of("Origin", console.server.baseUrl(), "Sec-Fetch-Site", "same-origin"));
        assertThat(same.status()).isEqualTo(303);
        assertThat(status(e)).isEqualTo(EscalationStatus.DISMISSED);
    }

    @Test
    void logoutAndLoginAreFormsLikeAnyOther() {
        Browser anna = console.browser().loggedInAs("anna");
        assertThat(anna.post("/console/logout", Map.of()).status()).isEqualTo(403);
        assertThat(anna.get("/console/ats-milano/queue").status()).isEqualTo(200);

        Browser other = console.browser();
        String token = other.get("/console/login").csrf();
        Browser.Page foreign = other.post("/console/login", Map.of("_csrf", token, "username", "anna",
                "password", ConsoleServer.PASSWORD), Map.of("Origin", "https://evil.example"));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(other.cookie(Sessions.COOKIE)).isEmpty();
        Browser.Page wrongToken = other.post("/console/login", Map.of("_csrf", "x".repeat(43), "username", "anna",
                "password", ConsoleServer.PASSWORD));
        assertThat(wrongToken.status()).isEqualTo(403);
    }

    @Test
    void everyFormOfTheItemPageCarriesTheSessionsToken() {
        Escalation e = question("csrf-forms");
        Browser anna = console.browser().loggedInAs("anna");
        Browser.Page item = anna.get(ConsoleServer.itemPath(e));
        var forms = item.doc().select("form[method=post]");
        assertThat(forms).hasSizeGreaterThan(3);
        String token = forms.first().select("input[name=_csrf]").attr("value");
        assertThat(token).hasSize(43);
        assertThat(forms).allSatisfy(f -> assertThat(f.select("input[name=_csrf]").attr("value")).isEqualTo(token));
        assertThat(item.doc().select("form[method=get] input[name=_csrf]")).isEmpty();
    }
}
