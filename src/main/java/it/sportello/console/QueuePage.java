package it.sportello.console;

import io.javalin.http.Context;
import it.sportello.contract.Reason;
import it.sportello.contract.WireName;
import it.sportello.store.Escalation;
import it.sportello.store.EscalationStatus;
import it.sportello.store.EscalationStore;
import it.sportello.store.Priority;
import it.sportello.store.QueueFilter;
import it.sportello.tenant.ModerationHours;
import it.sportello.tenant.TenantConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /console/{tenant}/queue}: the escalations of a tenant in the store's order (emergencies, then
 * by priority, then oldest), with how long each has waited counted in moderation hours only, since a
 * question sent on Friday evening has not been waiting all weekend for anyone.
 */
final class QueuePage {

    private static final int LIMIT = 200;
    private static final int SNIPPET = 140;

    /** The status filter: {@code pending} (open or claimed) when none is asked for. */
    enum StatusFilter {
        PENDING("pending", "Da gestire e in carico", Set.of(EscalationStatus.OPEN, EscalationStatus.CLAIMED)),
        OPEN("open", "Da gestire", Set.of(EscalationStatus.OPEN)),
        CLAIMED("claimed", "In carico", Set.of(EscalationStatus.CLAIMED)),
        ANSWERED("answered", "Risolte", Set.of(EscalationStatus.ANSWERED)),
        DISMISSED("dismissed", "Archiviate", Set.of(EscalationStatus.DISMISSED)),
        ALL("all", "Tutte", Set.of());

        final String code;
        final String label;
        final Set<EscalationStatus> statuses;

        StatusFilter(String code, String label, Set<EscalationStatus> statuses) {
            this.code = code;
            this.label = label;
            this.statuses = statuses;
        }

        static StatusFilter of(String code) {
            for (StatusFilter f : values()) {
                if (f.code.equals(code)) {
                    return f;
                }
            }
            return PENDING;
        }
    }

    private final EscalationStore escalations;
    private final Map<String, ModerationHours> hours;
    private final Layout layout;
    private final Clock clock;

    QueuePage(EscalationStore escalations, Map<String, ModerationHours> hours, Layout layout, Clock clock) {
        this.escalations = escalations;
        this.hours = Map.copyOf(hours);
        this.layout = layout;
        this.clock = clock;
    }

    void show(Context ctx, Viewer viewer, TenantConfig tenant) {
        StatusFilter status = StatusFilter.of(ctx.queryParam("status"));
        Optional<Reason> reason = Optional.ofNullable(ctx.queryParam("reason"))
                .flatMap(r -> WireName.parse(Reason.class, r));
        List<Escalation> items = escalations.queue(new QueueFilter(tenant.id(), status.statuses, reason, LIMIT));
        Instant now = clock.instant();
        Html h = new Html();
        counts(h, escalations.pendingCounts(tenant.id()));
        filters(h, tenant, status, reason);
        if (items.isEmpty()) {
            h.element("p", "Nessuna segnalazione con questi filtri.", "class", "empty");
        } else {
            table(h, tenant, items, now);
            if (items.size() == LIMIT) {
                h.element("p", "Sono mostrate le prime " + LIMIT + " segnalazioni: restringi i filtri per vedere le altre.");
            }
        }
        layout.send(ctx, 200, "Coda delle segnalazioni", Optional.of(viewer), Optional.of(tenant), h);
    }

    private static void counts(Html h, Map<Priority, Integer> counts) {
        h.element("h2", "Da gestire", "id", "conteggi");
        h.open("ul", "class", "counts", "aria-labelledby", "conteggi");
        for (Priority p : Priority.values()) {
            h.open("li", "class", "priority-" + p.name().toLowerCase(java.util.Locale.ROOT))
                    .element("span", Labels.of(p), "class", "label").text(": ")
                    .element("strong", Integer.toString(counts.getOrDefault(p, 0)))
                    .close("li");
        }
        h.close("ul");
    }

    private static void filters(Html h, TenantConfig tenant, StatusFilter status, Optional<Reason> reason) {
        h.open("form", "method", "get", "action", "/console/" + tenant.id() + "/queue", "class", "filters");
        h.open("p").element("label", "Stato", "for", "status").open("select", "id", "status", "name", "status");
        for (StatusFilter f : StatusFilter.values()) {
            h.element("option", f.label, "value", f.code, "selected", f == status ? "" : null);
        }
        h.close("select").close("p");
        h.open("p").element("label", "Motivo", "for", "reason").open("select", "id", "reason", "name", "reason");
        h.element("option", "Tutti", "value", "");
        for (Reason r : Reason.values()) {
            h.element("option", Labels.of(r), "value", r.wire(), "selected", reason.equals(Optional.of(r)) ? "" : null);
        }
        h.close("select").close("p");
        h.open("p").element("button", "Filtra", "type", "submit").close("p");
        h.close("form");
    }

    private void table(Html h, TenantConfig tenant, List<Escalation> items, Instant now) {
        ModerationHours duty = hours.get(tenant.id());
        h.open("table", "class", "queue");
        h.element("caption", "Segnalazioni, le più urgenti e le più vecchie per prime");
        h.open("thead").open("tr");
        for (String column : List.of("Priorità", "Ricevuto", "Attesa in orario di servizio", "Canale", "Motivi",
                "Messaggio", "Stato", "Preso in carico da")) {
            h.element("th", column, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (Escalation e : items) {
            String href = "/console/" + tenant.id() + "/items/" + e.id();
            h.open("tr", "class", "priority-" + e.priority().name().toLowerCase(java.util.Locale.ROOT));
            h.open("td").element("span", Labels.of(e.priority()), "class", "badge").close("td");
            Instant received = e.message().receivedAt();
            h.element("td", Labels.time(received, tenant.moderation().zone()));
            Instant until = e.status().isClosed() ? e.closedAt().orElse(now) : now;
            h.element("td", Labels.waiting(duty.openDuration(received, until)), "class", "waiting");
            h.element("td", Labels.of(e.message().message().channel()));
            h.element("td", e.message().decision().map(d -> d.reasons().stream().map(Labels::of)
                    .collect(Collectors.joining(", "))).orElse(""));
            h.open("th", "scope", "row").link(href, snippet(e.message().message().text())).close("th");
            h.element("td", Labels.of(e.status()));
            h.element("td", e.claimedBy().orElse("—"));
            h.close("tr");
        }
        h.close("tbody").close("table");
    }

    /** The start of the (redacted) text, cut on a code point and never empty, so the link has a name. */
    static String snippet(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "(messaggio vuoto)";
        }
        if (flat.codePointCount(0, flat.length()) <= SNIPPET) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, SNIPPET)) + "…";
    }
}
