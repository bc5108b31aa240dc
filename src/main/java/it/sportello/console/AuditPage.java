package it.sportello.console;

import io.javalin.http.Context;
import it.sportello.store.AuditAction;
import it.sportello.store.AuditEntry;
import it.sportello.store.AuditLog;
import it.sportello.tenant.TenantConfig;
import java.util.List;
import java.util.Optional;

/** {@code GET /console/{tenant}/audit} (admins): who did what on a tenant, most recent first. */
final class AuditPage {

    private static final int LIMIT = 300;

    private final AuditLog audit;
    private final Layout layout;

    AuditPage(AuditLog audit, Layout layout) {
        this.audit = audit;
        this.layout = layout;
    }

    void show(Context ctx, Viewer viewer, TenantConfig tenant) {
        List<AuditEntry> entries = audit.recent(Optional.of(tenant.id()), LIMIT);
        Html h = new Html();
        if (entries.isEmpty()) {
            h.element("p", "Nessuna azione registrata.", "class", "empty");
        } else {
            h.open("table", "class", "audit");
            h.element("caption", "Le ultime " + entries.size() + " azioni");
            h.open("thead").open("tr");
            for (String column : List.of("Quando", "Chi", "Azione", "Oggetto", "Dettaglio")) {
                h.element("th", column, "scope", "col");
            }
            h.close("tr").close("thead").open("tbody");
            for (AuditEntry e : entries) {
                h.open("tr").element("td", Labels.time(e.at(), tenant.moderation().zone()))
                        .element("th", e.actor(), "scope", "row")
                        .element("td", label(e.action()))
                        .element("td", e.target().orElse("—"))
                        .element("td", e.detail().orElse("—")).close("tr");
            }
            h.close("tbody").close("table");
        }
        layout.send(ctx, 200, "Registro delle azioni", Optional.of(viewer), Optional.of(tenant), h);
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
