package it.sportello.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import it.sportello.tenant.TenantConfig;
import it.sportello.tenant.TenantRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The citizens' chat page of each tenant ({@code GET /chat/{tenant}}) and the index that lists them
 * ({@code GET /}). Pages are static HTML with the tenant's name and links filled in; the conversation is
 * {@code /static/chat.js} talking to {@link MessageApi}. A strict Content-Security-Policy allows nothing but
 * this server's own files, so no inline script, style or third-party resource can run on the page.
 */
public final class ChatPage implements WebRoutes {

    static final String CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
            + "object-src 'none'";

    private final TenantRegistry tenants;
    private final PageTemplate chat = PageTemplate.load("chat.html");
    private final PageTemplate index = PageTemplate.load("index.html");
    private final PageTemplate notFound = PageTemplate.load("not-found.html");

    public ChatPage(TenantRegistry tenants) {
        this.tenants = tenants;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/", ctx -> html(ctx, 200, index()));
        routes.get("/chat/{tenant}", ctx -> {
            Optional<TenantConfig> tenant = tenants.find(ctx.pathParam("tenant"));
            if (tenant.isPresent()) {
                html(ctx, 200, page(tenant.get()));
            } else {
                html(ctx, 404, notFound.render(Map.of()));
            }
        });
    }

    /** The chat page of {@code tenant}. */
    String page(TenantConfig tenant) {
        return chat.render(Map.of(
                "tenant", Html.text(tenant.id()),
                "name", Html.text(tenant.name()),
                "site", Html.url(tenant.site(), "/"),
                "urp", Html.url(tenant.urp(), tenant.site().toString())));
    }

    String index() {
        List<Html> items = tenants.all().stream()
                .map(t -> new Html("<li><a href=\"/chat/" + Html.escape(t.id()) + "\">" + Html.escape(t.name())
                        + "</a></li>\n"))
                .toList();
        return index.render(Map.of("tenants", Html.join(items)));
    }

    private static void html(Context ctx, int status, String page) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-cache");
        ctx.status(status).contentType("text/html; charset=utf-8").result(page);
    }
}
