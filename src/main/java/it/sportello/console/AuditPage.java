package it.sportello.console;

import io.javalin.http.Context;
import it.sportello.store.AuditAction;
import it.sportello.store.AuditEntry;
import it.sportello.store.AuditLog;
import it.sportello.tenant.TenantConfig;
import it.sportello.tenant.TenantRegistry;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The audit log for admins, most recent first: {@code GET /console/{tenant}/audit} for one agency, and
 * {@code GET /console/audit} for everything, logins and failed logins included (they belong to no agency).
 */
final class AuditPage {

    private static final int LIMIT = 300;
    /** Entries of no tenant (logins) are shown in Italian time, like the agencies' own. */
    private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

    private final AuditLog audit;
    private final TenantRegistry tenants;
    private final Layout layout;

    AuditPage(AuditLog audit, TenantRegistry tenants, Layout layout) {
        this.audit = audit;
        this.tenants = tenants;
        this.layout = layout;
    }

    void show(Context ctx, Viewer viewer, TenantConfig tenant) {
        Html h = table(audit.recent(Optional.of(tenant.id()), LIMIT), false);
        layout.send(ctx, 200, "Registro delle azioni", Optional.of(viewer), Optional.of(tenant), h);
    }

    void showAll(Context ctx, Viewer viewer) {
        if (!viewer.isAdmin()) {
            throw Refusal.forbidden();
        }
        Html h = table(audit.recent(Optional.empty(), LIMIT), true);
        layout.send(ctx, 200, "Registro di tutte le azioni", Optional.of(viewer), Optional.empty(), h);
    }

    private Html table(List<AuditEntry> entries, boolean withTenant) {
        Html h = new Html();
        if (entries.isEmpty()) {
            return h.element("p", "Nessuna azione registrata.", "class", "empty");
        }
        h.open("table", "class", "audit");
        h.element("caption", "Le ultime " + entries.size() + " azioni");
        h.open("thead").open("tr");
        h.element("th", "Quando", "scope", "col").element("th", "Chi", "scope", "col");
        if (withTenant) {
            h.element("th", "Ente", "scope", "col");
        }
        for (String column : List.of("Azione", "Oggetto", "Dettaglio")) {
            h.element("th", column, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (AuditEntry e : entries) {
            ZoneId zone = e.tenant().flatMap(tenants::find).map(t -> t.moderation().zone()).orElse(ITALY);
            h.open("tr").element("td", Labels.time(e.at(), zone)).element("th", e.actor(), "scope", "row");
            if (withTenant) {
                h.element("td", e.tenant().orElse("—"));
            }
            h.element("td", label(e.action())).element("td", e.target().orElse("—"))
                    .element("td", e.detail().orElse("—")).close("tr");
        }
        return h.close("tbody").close("table");
    }

    static String label(AuditAction a) {
        return switch (a) {
            case LOGIN -> "Accesso";
            case LOGIN_FAILED -> "Accesso non riuscito";
            case LOGOUT -> "Uscita";
            case CLAIM -> "Presa in carico";
            case REPLY -> "Risposta";
            case DISMISS -> "Archiviazione";
            case RESTORE -> "Ripristino del post";
            case BAN_CONFIRM -> "Ban confermato";
            case BAN_REJECT -> "Ban respinto";
            case BAN_LIFT -> "Ban revocato";
            case PURGE -> "Cancellazione per conservazione";
        };
    }
}
