package it.sportello.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.sportello.store.EscalationStore;
import it.sportello.tenant.TenantConfig;
import it.sportello.tenant.TenantRegistry;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /console}: straight to the work of a user with one agency (the queue for a moderator, the
 * questions for a curator), a short list of agencies for one with several.
 */
final class HomePage {

    private final TenantRegistry tenants;
    private final EscalationStore escalations;
    private final Layout layout;

    HomePage(TenantRegistry tenants, EscalationStore escalations, Layout layout) {
        this.tenants = tenants;
        this.escalations = escalations;
        this.layout = layout;
    }

    void show(Context ctx, Viewer viewer) {
        List<TenantConfig> visible = tenants.all().stream().filter(t -> viewer.canSee(t.id())).toList();
        if (visible.isEmpty()) {
            throw new Refusal(403, "Il tuo account non ha enti assegnati: chiedi a un amministratore.", "/console/login");
        }
        if (visible.size() == 1) {
            ctx.redirect(landing(viewer, visible.get(0)), HttpStatus.SEE_OTHER);
            return;
        }
        Html h = new Html();
        h.open("ul", "class", "tenants");
        for (TenantConfig t : visible) {
            h.open("li").element("h2", t.name());
            h.open("p");
            if (viewer.canModerate(t.id())) {
                int pending = escalations.pendingCounts(t.id()).values().stream().mapToInt(Integer::intValue).sum();
                h.link("/console/" + t.id() + "/queue", "Coda (" + pending + " da gestire)").text(" ");
            }
            h.link("/console/" + t.id() + "/questions", "Domande senza risposta");
            h.close("p").close("li");
        }
        h.close("ul");
        layout.send(ctx, 200, "Scegli l'ente", Optional.of(viewer), Optional.empty(), h);
    }

    private static String landing(Viewer viewer, TenantConfig t) {
        return "/console/" + t.id() + (viewer.canModerate(t.id()) ? "/queue" : "/questions");
    }
}
