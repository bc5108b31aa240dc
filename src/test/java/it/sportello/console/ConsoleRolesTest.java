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

/** Roles are per tenant: what each account may see and do, and the words of a refusal. */
class ConsoleRolesTest {

    @TempDir
    static Path data;
    static ConsoleServer console;
    static Escalation milano;
    static Escalation crema;

    @BeforeAll
    static void start() {
        console = ConsoleServer.start(data);
        milano = console.escalation(console.receive("ats-milano", ConsoleServer.webAuthor("roles-milano"),
                "Vorrei sapere gli orari della piscina comunale"));
        crema = console.escalation(console.receive("asst-crema", ConsoleServer.webAuthor("roles-crema"),
                "Vorrei sapere gli orari della piscina comunale"));
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void aModeratorOfOneTenantCannotSeeOrActOnAnothersQueue() {
        Browser bruno = console.browser().loggedInAs("bruno");
        assertThat(bruno.get("/console").location()).isEqualTo("/console/asst-crema/queue");
        assertThat(bruno.get("/console/asst-crema/queue").status()).isEqualTo(200);

        Browser.Page queue = bruno.get("/console/ats-milano/queue");
        assertThat(queue.status()).isEqualTo(403);
        assertThat(queue.doc().select("h1").text()).isEqualTo("Accesso negato");
        assertThat(queue.doc().select(".error").text()).isEqualTo("Non hai i permessi per questa pagina o per questa azione.");
        assertThat(queue.body()).doesNotContain("piscina");
        assertThat(bruno.get(ConsoleServer.itemPath(milano)).status()).isEqualTo(403);

        String token = bruno.get("/console/asst-crema/queue").csrf();
        for (String action : new String[] {"claim", "dismiss", "restore", "ban-confirm", "ban-reject"}) {
            assertThat(bruno.post(ConsoleServer.itemPath(milano) + "/" + action, Map.of("_csrf", token)).status())
                    .as(action).isEqualTo(403);
        }
        assertThat(bruno.post(ConsoleServer.itemPath(milano) + "/reply", Map.of("_csrf", token, "text", "Ciao")).status())
                .isEqualTo(403);
        assertThat(console.stores().escalations().find(milano.id()).orElseThrow().status()).isEqualTo(EscalationStatus.OPEN);
        assertThat(console.stores().outbox().ofMessage(milano.message().id())).isEmpty();
    }

    @Test
    void anItemOfAnotherTenantIsNotFoundUnderOnesOwn() {
        Browser bruno = console.browser().loggedInAs("bruno");
        String path = "/console/asst-crema/items/" + milano.id();
        assertThat(bruno.get(path).status()).isEqualTo(404);
        String token = bruno.get("/console/asst-crema/queue").csrf();
        assertThat(bruno.post(path + "/dismiss", Map.of("_csrf", token)).status()).isEqualTo(404);
        assertThat(console.stores().escalations().find(milano.id()).orElseThrow().status()).isEqualTo(EscalationStatus.OPEN);
        assertThat(bruno.get(ConsoleServer.itemPath(crema)).status()).isEqualTo(200);
        assertThat(bruno.get("/console/asst-crema/items/abc").status()).isEqualTo(404);
        assertThat(bruno.get("/console/nessun-ente/queue").status()).isEqualTo(404);
    }

    @Test
    void aCuratorSeesTheQuestionsButNotTheQueueNorItsActions() {
        Browser carla = console.browser().loggedInAs("carla");
        assertThat(carla.get("/console").location()).isEqualTo("/console/ats-milano/questions");
        Browser.Page questions = carla.get("/console/ats-milano/questions");
        assertThat(questions.status()).isEqualTo(200);
        assertThat(questions.doc().select("nav a").eachText()).containsExactly("Domande senza risposta");

        assertThat(carla.get("/console/ats-milano/queue").status()).isEqualTo(403);
        assertThat(carla.get(ConsoleServer.itemPath(milano)).status()).isEqualTo(403);
        assertThat(carla.post(ConsoleServer.itemPath(milano) + "/claim", Map.of("_csrf", questions.csrf())).status())
                .isEqualTo(403);
        assertThat(carla.get("/console/asst-crema/questions").status()).isEqualTo(403);
        assertThat(carla.get("/console/ats-milano/audit").status()).isEqualTo(403);
    }

    @Test
    void aModeratorOfSeveralTenantsChoosesOne() {
        Browser dora = console.browser().loggedInAs("dora");
        Browser.Page home = dora.get("/console");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.doc().select("h1").text()).isEqualTo("Scegli l'ente");
        assertThat(home.doc().select("main h2").eachText())
                .containsExactlyInAnyOrder("ATS della Città Metropolitana di Milano", "ASST di Crema");
        assertThat(home.doc().select("main a").eachAttr("href")).contains("/console/ats-milano/queue",
                "/console/asst-crema/queue");
        assertThat(dora.get("/console/asst-crema/queue").status()).isEqualTo(200);
        assertThat(dora.get("/console/ats-milano/queue").status()).isEqualTo(200);
        assertThat(dora.get("/console/ats-milano/audit").status()).isEqualTo(403);
    }

    @Test
    void anAdminSeesEveryTenantAndTheAuditLog() {
        Browser root = console.browser().loggedInAs("root");
        assertThat(root.get("/console").status()).isEqualTo(200);
        assertThat(root.get(ConsoleServer.itemPath(milano)).status()).isEqualTo(200);
        assertThat(root.get(ConsoleServer.itemPath(crema)).status()).isEqualTo(200);
        Escalation claimed = console.escalation(console.receive("ats-milano", ConsoleServer.webAuthor("roles-audit"),
                "Vorrei sapere gli orari della piscina comunale"));
        assertThat(root.submit(ConsoleServer.itemPath(claimed), ConsoleServer.itemPath(claimed) + "/claim", Map.of())
                .status()).isEqualTo(303);
        Browser.Page audit = root.get("/console/ats-milano/audit");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.doc().select("h1").text()).isEqualTo("Registro delle azioni");
        assertThat(audit.doc().select("table.audit tbody tr").first().select("th, td").eachText())
                .containsSubsequence("root", "Presa in carico", "escalation:" + claimed.id());

        console.browser().login("root", "non è la sua password");
        Browser.Page all = root.get("/console/audit");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.doc().select("table.audit tbody tr").first().select("th, td").eachText())
                .containsSubsequence("root", "—", "Accesso non riuscito");
        assertThat(all.doc().select("table.audit").text()).contains("Accesso", "ats-milano");

        Browser anna = console.browser().loggedInAs("anna");
        assertThat(anna.get("/console/ats-milano/audit").status()).isEqualTo(403);
        assertThat(anna.get("/console/audit").status()).isEqualTo(403);
    }
}
