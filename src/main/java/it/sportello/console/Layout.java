package it.sportello.console;

import io.javalin.http.Context;
import it.sportello.tenant.TenantConfig;
import it.sportello.tenant.TenantRegistry;
import java.util.List;
import java.util.Optional;

/**
 * The frame of every console page (head, top bar with the viewer's links and logout, flash message) and the
 * headers every console response carries: no caching of pages with citizens' messages, no framing, and a
 * content policy that allows our own styles and nothing else (the pages have no scripts at all).
 */
final class Layout {

    static final String CSP = "default-src 'self'; form-action 'self'; frame-ancestors 'none'";

    private final TenantRegistry tenants;

    Layout(TenantRegistry tenants) {
        this.tenants = tenants;
    }

    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Frame-Options", "DENY");
    }

    /** Sends a full page: {@code title} is the heading, {@code tenant} the agency the page is about. */
    void send(Context ctx, int status, String title, Optional<Viewer> viewer, Optional<TenantConfig> tenant, Html body) {
        headers(ctx);
        Html h = new Html();
        h.open("html", "lang", "it");
        h.open("head").empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", title + " – Console Sportello")
                .empty("link", "rel", "stylesheet", "href", "/static/console.css")
                .close("head");
        h.open("body");
        h.link("#contenuto", "Vai al contenuto", "class", "skip");
        h.open("header", "class", "top");
        h.element("p", "Sportello · Console moderatori", "class", "brand");
        viewer.ifPresent(v -> nav(h, v, tenant));
        h.close("header");
        h.open("main", "id", "contenuto");
        Optional.ofNullable(ctx.queryParam("esito")).flatMap(Outcome::of)
                .ifPresent(o -> h.element("p", o.text(), "class", "flash", "role", "status"));
        tenant.ifPresent(t -> h.element("p", t.name(), "class", "tenant"));
        h.element("h1", title);
        h.append(body);
        h.close("main");
        h.close("body").close("html");
        ctx.status(status).contentType("text/html; charset=utf-8").result(h.document());
    }

    private void nav(Html h, Viewer v, Optional<TenantConfig> tenant) {
        h.open("nav", "aria-label", "Console").open("ul");
        List<TenantConfig> visible = tenants.all().stream().filter(t -> v.canSee(t.id())).toList();
        if (visible.size() > 1) {
            h.open("li").link("/console", "Enti").close("li");
        }
        tenant.ifPresent(t -> {
            if (v.canModerate(t.id())) {
                h.open("li").link("/console/" + t.id() + "/queue", "Coda").close("li");
            }
            if (v.canCurate(t.id())) {
                h.open("li").link("/console/" + t.id() + "/questions", "Domande senza risposta").close("li");
            }
            if (v.isAdmin()) {
                h.open("li").link("/console/" + t.id() + "/audit", "Registro azioni").close("li");
            }
        });
        if (v.isAdmin()) {
            h.open("li").link("/console/audit", "Registro completo").close("li");
        }
        h.close("ul").close("nav");
        h.open("form", "method", "post", "action", "/console/logout", "class", "logout");
        csrf(h, v);
        h.element("span", v.username(), "class", "user");
        h.element("button", "Esci", "type", "submit");
        h.close("form");
    }

    /** The hidden field every console form carries. */
    static void csrf(Html h, Viewer v) {
        h.empty("input", "type", "hidden", "name", "_csrf", "value", v.csrf());
    }

    /** The page of a {@link Refusal}. */
    void refusal(Context ctx, Refusal r, Optional<Viewer> viewer) {
        String title = switch (r.status()) {
            case 403 -> "Accesso negato";
            case 404 -> "Pagina non trovata";
            case 409 -> "Azione non possibile";
            case 429 -> "Troppi tentativi";
            default -> "Richiesta non valida";
        };
        Html body = new Html();
        body.element("p", r.getMessage(), "class", "error", "role", "alert");
        body.open("p").link(r.back(), "Torna indietro").close("p");
        send(ctx, r.status(), title, viewer, Optional.empty(), body);
    }
}
