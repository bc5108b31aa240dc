package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.Fixtures;
import it.sportello.app.Server;
import it.sportello.store.DatabaseConfig;
import it.sportello.tenant.TenantConfig;
import it.sportello.tenant.TenantRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat pages over HTTP, against a real server on a free port. */
class ChatPageTest {

    @TempDir
    static Path data;

    private static Server server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = Server.start(new Server.Settings(Path.of("."), data, "127.0.0.1", 0, DatabaseConfig.embedded(data),
                600, 600, Duration.ofSeconds(2)), Clock.systemUTC(), it.sportello.Fixtures.TRAINER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesTheTenantsPageUnderAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/chat/ats-milano");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=utf-8"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).startsWith("default-src 'self'").doesNotContain("unsafe"));
        String html = page.body();
        assertThat(html).contains("<html lang=\"it\">", "<meta name=\"viewport\"",
                "<title>Sportello informazioni – ATS della Città Metropolitana di Milano</title>",
                "data-tenant=\"ats-milano\"", "<main", "<form", "<label for=\"domanda\">", "<textarea id=\"domanda\"",
                "role=\"log\"", "aria-live=\"polite\"", "112",
                "href=\"https://www.ats-milano.it/contatti/ufficio-relazioni-con-il-pubblico\"");
        // Nothing inline for the CSP to block, nothing fetched from elsewhere.
        assertThat(html).doesNotContainPattern("<script(?![^>]*src=\"/static/)").doesNotContain("<style", " style=")
                .doesNotContainPattern("\\son[a-z]+=").doesNotContainPattern("(src|href)=\"//");
        assertThat(html).doesNotContainPattern("<(script|link)[^>]*(src|href)=\"https?:");
    }

    @Test
    void anUnknownTenantIsAnItalianNotFoundPage() throws Exception {
        HttpResponse<String> page = get("/chat/nessuno");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(page.body()).contains("<html lang=\"it\">", "Pagina non trovata", "href=\"/\"");
    }

    @Test
    void theIndexLinksEveryChatAndTheConsole() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(page.body()).contains("href=\"/chat/ats-milano\"", "href=\"/chat/asst-crema\"", "href=\"/console\"",
                "ASST di Crema");
    }

    @Test
    void servesTheScriptAndStyles() throws Exception {
        for (Map.Entry<String, String> file : Map.of("/static/chat.js", "javascript", "/static/chat.css", "text/css",
                "/static/sportello.css", "text/css").entrySet()) {
            HttpResponse<String> response = get(file.getKey());
            assertThat(response.statusCode()).as(file.getKey()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(file.getKey())
                    .hasValueSatisfying(type -> assertThat(type).contains(file.getValue()));
            assertThat(response.body()).isNotBlank();
        }
        assertThat(get("/static/chat.js").body()).doesNotContain("innerHTML", "eval(", "document.write");
    }

    @Test
    void escapesTheTenantsNameAndRefusesScriptAddresses() {
        TenantConfig c = Fixtures.tenants().get("ats-milano");
        TenantConfig hostile = new TenantConfig("ostile", "<script>alert(1)</script> & \"Co\" l'ente", c.site(),
                URI.create("javascript:alert(1)"), c.moderation(), c.minimumAge(), c.moderationCategories(), c.strikes(),
                c.repeated(), c.retrieval(), c.replies(), List.of(), 0);
        ChatPage pages = new ChatPage(TenantRegistry.of(List.of(hostile)));

        String html = pages.page(hostile);
        String index = pages.index();

        assertThat(html).doesNotContain("<script>alert", "javascript:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; l&#39;ente")
                .contains("href=\"https://www.ats-milano.it\">Ufficio Relazioni con il Pubblico");
        assertThat(index).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void aTemplatePlaceholderWithoutAValueFails() {
        PageTemplate template = new PageTemplate("test.html", "<p>{{name}} e {{site}}</p>");

        assertThat(template.render(Map.of("name", Html.text("<b>"), "site", new Html("<i>x</i>"))))
                .isEqualTo("<p>&lt;b&gt; e <i>x</i></p>");
        assertThatThrownBy(() -> template.render(Map.of("name", Html.text("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{site}}");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
