package it.sportello.console;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.console.auth.Role;
import it.sportello.store.AuditAction;
import it.sportello.store.AuditEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login, the session cookie, logout, throttling and expiry, against a running server. */
class ConsoleAuthTest {

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

    @Test
    void everyConsolePageRedirectsToTheLoginWhenNotLoggedIn() {
        Browser b = console.browser();
        for (String path : new String[] {"/console", "/console/ats-milano/queue", "/console/ats-milano/items/1",
                "/console/ats-milano/questions", "/console/ats-milano/audit"}) {
            Browser.Page p = b.get(path);
            assertThat(p.status()).as(path).isEqualTo(302);
            assertThat(p.location()).as(path).isEqualTo("/console/login");
        }
        Browser.Page post = b.post("/console/ats-milano/items/1/dismiss", Map.of("_csrf", "x"));
        assertThat(post.status()).isEqualTo(303);
        assertThat(post.location()).isEqualTo("/console/login");
    }

    @Test
    void theLoginPageIsAFormWithItsOwnTokenAndStrictHeaders() {
        Browser b = console.browser();
        Browser.Page p = b.get("/console/login");
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.doc().select("html").attr("lang")).isEqualTo("it");
        assertThat(p.doc().select("label[for=username]").text()).isEqualTo("Nome utente");
        assertThat(p.csrf()).hasSize(43);
        assertThat(b.cookie(Sessions.LOGIN_COOKIE)).contains(p.csrf());
        assertThat(p.headers().firstValue("Content-Security-Policy"))
                .contains("default-src 'self'; form-action 'self'; frame-ancestors 'none'");
        assertThat(p.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRefusedWithTheSameWordsAndAudited() {
        Browser b = console.browser();
        Browser.Page wrong = b.login("anna", "non è la password giusta");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.doc().select(".error").text()).isEqualTo("Nome utente o password non corretti.");
        assertThat(b.cookie(Sessions.COOKIE)).isEmpty();
        assertThat(b.get("/console/ats-milano/queue").status()).isEqualTo(302);

        Browser.Page unknown = b.login("nessuno", ConsoleServer.PASSWORD);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.doc().select(".error").text()).isEqualTo("Nome utente o password non corretti.");

        assertThat(console.stores().audit().recent(Optional.empty(), 100))
                .filteredOn(e -> e.action() == AuditAction.LOGIN_FAILED).extracting(AuditEntry::actor)
                .contains("anna", "nessuno");
    }

    @Test
    void aLoginWithoutTheFormsTokenIsRefused() {
        Browser b = console.browser();
        b.get("/console/login");
        Browser.Page p = b.post("/console/login", Map.of("username", "anna", "password", ConsoleServer.PASSWORD));
        assertThat(p.status()).isEqualTo(403);
        assertThat(b.cookie(Sessions.COOKIE)).isEmpty();
    }

    @Test
    void aLoginSetsAnHttpOnlyStrictCookieWhoseTokenIsStoredOnlyAsAHash() {
        Browser b = console.browser();
        Browser.Page p = b.login("anna", ConsoleServer.PASSWORD);
        assertThat(p.status()).isEqualTo(303);
        assertThat(p.location()).isEqualTo("/console");
        String cookie = p.setCookies().stream().filter(c -> c.startsWith(Sessions.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/console", "Max-Age=28800")
                .doesNotContain("Secure");
        String token = b.cookie(Sessions.COOKIE).orElseThrow();
        assertThat(token).hasSize(43);
        assertThat(console.stores().sessions().find(Tokens.hash(token), console.clock.instant())).isPresent();
        assertThat(console.stores().sessions().find(token, console.clock.instant())).isEmpty();

        Browser.Page home = b.get("/console");
        assertThat(home.status()).isEqualTo(303);
        assertThat(home.location()).isEqualTo("/console/ats-milano/queue");
        assertThat(b.get("/console/ats-milano/queue").status()).isEqualTo(200);
        assertThat(console.stores().audit().recent(Optional.empty(), 100))
                .anyMatch(e -> e.action() == AuditAction.LOGIN && e.actor().equals("anna"));
    }

    @Test
    void behindATlsProxyTheCookieIsSecure() {
        Browser b = console.browser();
        Browser.Page form = b.get("/console/login");
        Browser.Page p = b.post("/console/login", Map.of("_csrf", form.csrf(), "username", "anna",
                "password", ConsoleServer.PASSWORD), Map.of("X-Forwarded-Proto", "https"));
        assertThat(p.status()).isEqualTo(303);
        assertThat(p.setCookies()).anyMatch(c -> c.startsWith(Sessions.COOKIE + "=") && c.contains("; Secure"));
    }

    @Test
    void everyLoginGetsANewTokenAndTheOldOneStopsWorking() {
        Browser b = console.browser().loggedInAs("anna");
        String first = b.cookie(Sessions.COOKIE).orElseThrow();
        Browser.Page again = b.login("anna", ConsoleServer.PASSWORD);
        assertThat(again.setCookies()).filteredOn(c -> c.startsWith(Sessions.COOKIE + "=")).hasSize(1);
        String second = b.cookie(Sessions.COOKIE).orElseThrow();
        assertThat(second).isNotEqualTo(first);

        Browser stale = console.browser();
        stale.setCookie(Sessions.COOKIE, first, "/console");
        assertThat(stale.get("/console/ats-milano/queue").status()).isEqualTo(302);
        assertThat(b.get("/console/ats-milano/queue").status()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSession() {
        Browser b = console.browser().loggedInAs("anna");
        String token = b.cookie(Sessions.COOKIE).orElseThrow();
        Browser.Page queue = b.get("/console/ats-milano/queue");
        Browser.Page out = b.post("/console/logout", Map.of("_csrf", queue.csrf()));
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.location()).startsWith("/console/login");
        assertThat(out.setCookies()).anyMatch(c -> c.startsWith(Sessions.COOKIE + "=;") && c.contains("Max-Age=0"));
        assertThat(b.cookie(Sessions.COOKIE)).isEmpty();
        assertThat(b.get(out.location()).doc().select(".flash").text()).contains("Sei uscito");

        Browser replay = console.browser();
        replay.setCookie(Sessions.COOKIE, token, "/console");
        assertThat(replay.get("/console/ats-milano/queue").status()).isEqualTo(302);
        assertThat(console.stores().audit().recent(Optional.empty(), 100))
                .anyMatch(e -> e.action() == AuditAction.LOGOUT && e.actor().equals("anna"));
    }

    @Test
    void aSessionLastsEightHours() {
        Browser b = console.browser().loggedInAs("anna");
        console.clock.advance(Duration.ofHours(7));
        assertThat(b.get("/console/ats-milano/queue").status()).isEqualTo(200);
        console.clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(b.get("/console/ats-milano/queue").status()).isEqualTo(302);
    }

    @Test
    void fiveFailuresInAQuarterOfAnHourBlockTheUsernameFromThatAddress() {
        console.add(ConsoleServer.account("elio", Role.MODERATOR, "ats-milano"));
        Browser b = console.browser();
        for (int i = 0; i < 5; i++) {
            assertThat(b.login("elio", "sbagliata " + i).status()).isEqualTo(401);
        }
        Browser.Page blocked = b.login("elio", ConsoleServer.PASSWORD);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        assertThat(blocked.doc().select(".error").text()).contains("Troppi tentativi");
        assertThat(b.cookie(Sessions.COOKIE)).isEmpty();

        console.clock.advance(Duration.ofMinutes(16));
        assertThat(b.login("elio", ConsoleServer.PASSWORD).status()).isEqualTo(303);
    }

    @Test
    void anAccountAddedWhileTheServerRunsCanLogIn() {
        Browser b = console.browser();
        assertThat(b.login("franca", ConsoleServer.PASSWORD).status()).isEqualTo(401);
        console.add(ConsoleServer.account("franca", Role.MODERATOR, "asst-crema"));
        assertThat(b.login("franca", ConsoleServer.PASSWORD).status()).isEqualTo(303);
        assertThat(b.get("/console").location()).isEqualTo("/console/asst-crema/queue");
    }
}
