package it.sportello.console;

import io.javalin.http.Context;
import it.sportello.contract.Action;
import it.sportello.contract.Channel;
import it.sportello.contract.Decision;
import it.sportello.contract.Evidence;
import it.sportello.contract.Message;
import it.sportello.contract.SectionRef;
import it.sportello.store.Ban;
import it.sportello.store.BanStatus;
import it.sportello.store.Escalation;
import it.sportello.store.OutboxItem;
import it.sportello.store.Stores;
import it.sportello.store.StoredMessage;
import it.sportello.tenant.TenantConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /console/{tenant}/items/{id}}: one escalation with everything a moderator needs to decide
 * on it (the message, what the bot decided and replied, the author's recent violations and bans, what
 * happened so far) and the actions that fit it. Every text from a citizen goes through {@link Html}.
 */
final class ItemPage {

    /** How far back the author's strike history goes: the strikes window of the policies. */
    static final Duration HISTORY = Duration.ofDays(30);
    static final int MAX_REPLY = 2000;

    private final Stores stores;
    private final Layout layout;
    private final Clock clock;

    ItemPage(Stores stores, Layout layout, Clock clock) {
        this.stores = stores;
        this.layout = layout;
        this.clock = clock;
    }

    /** The escalation of the path's id, if it belongs to {@code tenant}: another tenant's is not found here. */
    static Escalation load(Stores stores, TenantConfig tenant, String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw Refusal.notFound();
        }
        return stores.escalations().find(number).filter(e -> e.tenant().equals(tenant.id()))
                .orElseThrow(Refusal::notFound);
    }

    void show(Context ctx, Viewer viewer, TenantConfig tenant) {
        Escalation e = load(stores, tenant, ctx.pathParam("id"));
        StoredMessage stored = e.message();
        Message m = stored.message();
        ZoneId zone = tenant.moderation().zone();
        Optional<Ban> proposal = stores.bans().forMessage(stored.id());
        Html h = new Html();
        h.open("p", "class", "status")
                .element("span", Labels.of(e.priority()), "class", "badge priority-" + lower(e.priority().name()))
                .text(" ").element("span", Labels.of(e.status()), "class", "state").close("p");

        h.element("h2", "Messaggio");
        h.element("blockquote", m.text(), "class", "message");
        h.open("dl", "class", "facts");
        fact(h, "Canale", Labels.of(m.channel()));
        fact(h, "Tipo", Labels.of(m.kind()));
        fact(h, "Autore", authorLabel(m));
        fact(h, "Ricevuto", Labels.time(stored.receivedAt(), zone));
        fact(h, "Dati personali", stored.personalData() ? "sì, oscurati nel testo" : "no");
        h.close("dl");

        stored.decision().ifPresent(d -> decision(h, d));
        history(h, e, zone);
        outbox(h, stores.outbox().ofMessage(stored.id()), zone);
        if (!e.status().isClosed()) {
            actions(h, viewer, tenant, e, proposal);
        }
        author(h, viewer, tenant, e, zone);
        layout.send(ctx, 200, "Segnalazione n. " + e.id(), Optional.of(viewer), Optional.of(tenant), h);
    }

    private static void decision(Html h, Decision d) {
        h.element("h2", "Decisione del bot");
        h.open("dl", "class", "facts");
        fact(h, "Azione", Labels.of(d.action()));
        fact(h, "Motivi", d.reasons().isEmpty() ? "—"
                : d.reasons().stream().map(Labels::of).collect(Collectors.joining(", ")));
        fact(h, "Post nascosto", d.hide() ? "sì" : "no");
        fact(h, "Sanzione", Labels.of(d.sanction()));
        if (!d.sections().isEmpty()) {
            fact(h, "Affidabilità della risposta", String.format(Locale.ITALIAN, "%.0f%%", d.confidence() * 100));
        }
        h.close("dl");
        if (!d.sections().isEmpty()) {
            h.open("table", "class", "sections");
            h.element("caption", "Sezioni della base di conoscenza trovate");
            h.open("thead").open("tr").element("th", "Sezione", "scope", "col").element("th", "Punteggio", "scope", "col")
                    .close("tr").close("thead").open("tbody");
            for (SectionRef s : d.sections()) {
                h.open("tr").open("th", "scope", "row").link(s.url(), s.title()).close("th")
                        .element("td", String.format(Locale.ITALIAN, "%.2f", s.score())).close("tr");
            }
            h.close("tbody").close("table");
        }
        if (!d.evidence().signals().isEmpty()) {
            h.open("table", "class", "evidence");
            h.element("caption", "Perché il bot ha deciso così");
            h.open("thead").open("tr").element("th", "Su cosa", "scope", "col").element("th", "Da", "scope", "col")
                    .element("th", "Punteggio", "scope", "col").element("th", "Soglia", "scope", "col")
                    .element("th", "Dettagli", "scope", "col").close("tr").close("thead").open("tbody");
            for (Evidence.Signal s : d.evidence().signals()) {
                h.open("tr").element("th", Labels.evidenceAbout(s.about()), "scope", "row")
                        .element("td", Labels.evidenceBy(s.by()))
                        .element("td", s.score().isPresent() ? String.format(Locale.ITALIAN, "%.2f", s.score().getAsDouble()) : "—")
                        .element("td", s.threshold().isPresent() ? String.format(Locale.ITALIAN, "%.2f", s.threshold().getAsDouble()) : "—")
                        .element("td", s.detail().orElse("—")).close("tr");
            }
            h.close("tbody").close("table");
        }
        h.element("h3", "Risposta data dal bot");
        if (d.reply().isBlank()) {
            h.element("p", "Nessuna risposta.");
        } else {
            h.element("blockquote", d.reply(), "class", "reply");
        }
    }

    private static void history(Html h, Escalation e, ZoneId zone) {
        h.element("h2", "Storia della segnalazione");
        h.open("dl", "class", "facts");
        fact(h, "Aperta", Labels.time(e.createdAt(), zone));
        if (e.claimedBy().isPresent()) {
            fact(h, "Presa in carico", e.claimedBy().get() + e.claimedAt().map(t -> ", " + Labels.time(t, zone)).orElse(""));
        }
        if (e.closedBy().isPresent()) {
            fact(h, "Chiusa", e.closedBy().get() + e.closedAt().map(t -> ", " + Labels.time(t, zone)).orElse(""));
        }
        e.resolution().ifPresent(r -> fact(h, "Esito", Labels.of(r)));
        h.close("dl");
        e.answer().ifPresent(a -> h.element("h3", "Risposta del moderatore").element("blockquote", a, "class", "reply"));
    }

    private static void outbox(Html h, List<OutboxItem> items, ZoneId zone) {
        if (items.isEmpty()) {
            return;
        }
        h.element("h2", "Azioni sul canale");
        h.open("ul", "class", "outbox");
        for (OutboxItem o : items) {
            h.element("li", Labels.time(o.createdAt(), zone) + " – " + outboxLabel(o) + " (" + sent(o) + ")");
        }
        h.close("ul");
    }

    private static String outboxLabel(OutboxItem o) {
        return switch (o.kind()) {
            case REPLY -> "risposta";
            case HIDE -> "nascondere il post";
            case RESTORE -> "ripristinare il post";
            case DELETE -> "eliminare il post";
            case BAN -> "bloccare l'autore";
            case UNBAN -> "sbloccare l'autore";
        };
    }

    private static String sent(OutboxItem o) {
        return switch (o.status()) {
            case PENDING -> "in attesa di invio";
            case SENT -> "inviata";
            case FAILED -> "invio non riuscito";
        };
    }

    private static void actions(Html h, Viewer v, TenantConfig tenant, Escalation e, Optional<Ban> proposal) {
        String base = "/console/" + tenant.id() + "/items/" + e.id() + "/";
        h.element("h2", "Azioni", "id", "azioni");
        h.open("div", "class", "actions");
        if (e.claimedBy().isEmpty()) {
            button(h, v, base + "claim", "Prendi in carico", "secondary");
        }
        if (proposal.filter(b -> b.status() == BanStatus.PROPOSED).isPresent()) {
            button(h, v, base + "ban-confirm", "Conferma ban", "danger");
            button(h, v, base + "ban-reject", "Respingi ban", "secondary");
        }
        if (hidden(e)) {
            button(h, v, base + "restore", "Ripristina il post", "secondary");
        }
        button(h, v, base + "dismiss", "Archivia", "secondary");
        h.open("form", "method", "post", "action", base + "reply", "class", "reply");
        Layout.csrf(h, v);
        h.open("p").element("label", "Risposta al cittadino", "for", "risposta")
                .element("textarea", "", "id", "risposta", "name", "text", "rows", "6", "required", "",
                        "maxlength", Integer.toString(MAX_REPLY), "aria-describedby", "risposta-nota")
                .close("p");
        h.element("p", "Da 1 a " + MAX_REPLY + " caratteri. Sarà pubblicata sul canale da cui il cittadino ha scritto; "
                + "non scrivere dati personali.", "id", "risposta-nota", "class", "note");
        h.open("p").element("button", "Rispondi", "type", "submit").close("p");
        h.close("form");
        h.close("div");
    }

    /** Whether the bot hid the post (or moderated it), so that restoring it means something. */
    static boolean hidden(Escalation e) {
        return e.message().decision().map(d -> d.hide() || d.action() == Action.MODERATE).orElse(false);
    }

    private void author(Html h, Viewer v, TenantConfig tenant, Escalation e, ZoneId zone) {
        Message m = e.message().message();
        h.element("h2", "Storia dell'autore");
        List<StoredMessage> strikes = stores.messages().moderatedOf(tenant.id(), m.author(),
                clock.instant().minus(HISTORY), 50);
        if (strikes.isEmpty()) {
            h.element("p", "Nessun messaggio moderato negli ultimi 30 giorni.");
        } else {
            h.open("table", "class", "strikes");
            h.element("caption", "Messaggi moderati negli ultimi 30 giorni: " + strikes.size());
            h.open("thead").open("tr").element("th", "Ricevuto", "scope", "col").element("th", "Motivi", "scope", "col")
                    .element("th", "Messaggio", "scope", "col").close("tr").close("thead").open("tbody");
            for (StoredMessage s : strikes) {
                h.open("tr").element("td", Labels.time(s.receivedAt(), zone))
                        .element("td", s.decision().map(d -> d.reasons().stream().map(Labels::of)
                                .collect(Collectors.joining(", "))).orElse(""))
                        .element("td", QueuePage.snippet(s.message().text())).close("tr");
            }
            h.close("tbody").close("table");
        }
        List<Ban> bans = stores.bans().ofAuthor(tenant.id(), m.author());
        if (bans.isEmpty()) {
            h.element("p", "Nessun ban, proposto o confermato.");
            return;
        }
        h.open("table", "class", "bans");
        h.element("caption", "Ban dell'autore");
        h.open("thead").open("tr").element("th", "Stato", "scope", "col").element("th", "Proposto", "scope", "col")
                .element("th", "Deciso da", "scope", "col").element("th", "Azione", "scope", "col")
                .close("tr").close("thead").open("tbody");
        for (Ban b : bans) {
            h.open("tr").element("th", Labels.of(b.status()), "scope", "row")
                    .element("td", Labels.time(b.proposedAt(), zone))
                    .element("td", b.decidedBy().map(by -> by + b.decidedAt().map(t -> ", " + Labels.time(t, zone))
                            .orElse("")).orElse("—"));
            h.open("td");
            if (b.status() == BanStatus.CONFIRMED) {
                h.open("form", "method", "post", "action", "/console/" + tenant.id() + "/bans/" + b.id() + "/lift");
                Layout.csrf(h, v);
                h.empty("input", "type", "hidden", "name", "item", "value", Long.toString(e.id()));
                h.element("button", "Revoca ban", "type", "submit", "class", "secondary");
                h.close("form");
            } else if (b.status() == BanStatus.LIFTED) {
                // "Deciso da" names who confirmed it; who lifted it may be someone else.
                h.text("Revocato da " + b.liftedBy().orElse("—") + b.liftedAt().map(t -> ", " + Labels.time(t, zone))
                        .orElse(""));
            }
            h.close("td").close("tr");
        }
        h.close("tbody").close("table");
    }

    private static void button(Html h, Viewer v, String action, String label, String kind) {
        h.open("form", "method", "post", "action", action, "class", "inline");
        Layout.csrf(h, v);
        h.element("button", label, "type", "submit", "class", kind);
        h.close("form");
    }

    private static void fact(Html h, String term, String value) {
        h.element("dt", term).element("dd", value);
    }

    /** Web authors' ids are secrets (whoever holds one reads its replies): the console shows only a prefix. */
    static String authorLabel(Message m) {
        if (m.channel() == Channel.WEB && m.author().length() > 12) {
            return m.author().substring(0, 12) + "…";
        }
        return m.author();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
