package it.sportello.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.sportello.contract.Message;
import it.sportello.store.AuditAction;
import it.sportello.store.AuditEntry;
import it.sportello.store.Ban;
import it.sportello.store.BanStatus;
import it.sportello.store.Escalation;
import it.sportello.store.OutboxItem;
import it.sportello.store.OutboxKind;
import it.sportello.store.Resolution;
import it.sportello.store.Stores;
import it.sportello.tenant.TenantConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What a moderator does to an escalation, each step written to the audit log. The store's conditional
 * updates decide races: of two moderators acting on the same item, the second is told it is already
 * closed (409), and no reply goes out twice, because an item is closed before its reply is queued.
 */
final class ItemActions {

    private final Stores stores;
    private final Clock clock;

    ItemActions(Stores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    void claim(Context ctx, Viewer v, TenantConfig tenant) {
        Escalation e = open(ctx, tenant);
        Instant now = clock.instant();
        if (!stores.escalations().claim(e.id(), v.username(), now)) {
            throw conflict(tenant, e, "La segnalazione è già stata presa in carico da "
                    + stores.escalations().find(e.id()).flatMap(Escalation::claimedBy).orElse("un altro moderatore") + ".");
        }
        audit(now, v, tenant, AuditAction.CLAIM, e, Optional.empty());
        done(ctx, tenant, e, Outcome.CLAIMED);
    }

    void reply(Context ctx, Viewer v, TenantConfig tenant) {
        Escalation e = open(ctx, tenant);
        String text = Optional.ofNullable(ctx.formParam("text")).orElse("").strip().replace("\r\n", "\n");
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > ItemPage.MAX_REPLY) {
            throw new Refusal(400, "La risposta deve avere da 1 a " + ItemPage.MAX_REPLY + " caratteri.", item(tenant, e));
        }
        Instant now = clock.instant();
        close(tenant, e, v, Resolution.REPLIED, Optional.of(text), now);
        long outbox = enqueue(e, OutboxKind.REPLY, Optional.of(text), now);
        audit(now, v, tenant, AuditAction.REPLY, e, Optional.of("outbox:" + outbox));
        done(ctx, tenant, e, Outcome.REPLIED);
    }

    void dismiss(Context ctx, Viewer v, TenantConfig tenant) {
        Escalation e = open(ctx, tenant);
        Instant now = clock.instant();
        close(tenant, e, v, Resolution.DISMISSED, Optional.empty(), now);
        audit(now, v, tenant, AuditAction.DISMISS, e, Optional.empty());
        done(ctx, tenant, e, Outcome.DISMISSED);
    }

    void restore(Context ctx, Viewer v, TenantConfig tenant) {
        Escalation e = open(ctx, tenant);
        if (!ItemPage.hidden(e)) {
            throw conflict(tenant, e, "Il post non è stato nascosto: non c'è nulla da ripristinare.");
        }
        Instant now = clock.instant();
        close(tenant, e, v, Resolution.RESTORED, Optional.empty(), now);
        long outbox = enqueue(e, OutboxKind.RESTORE, Optional.empty(), now);
        audit(now, v, tenant, AuditAction.RESTORE, e, Optional.of("outbox:" + outbox));
        done(ctx, tenant, e, Outcome.RESTORED);
    }

    /**
     * The ban is decided first: it is what the author feels, and its own conditional update stops a second
     * confirmation. The escalation is then closed; if someone closed it in between, the ban still stands.
     */
    void confirmBan(Context ctx, Viewer v, TenantConfig tenant) {
        Escalation e = open(ctx, tenant);
        Ban ban = proposed(tenant, e);
        Instant now = clock.instant();
        if (!stores.bans().decide(ban.id(), BanStatus.CONFIRMED, v.username(), now)) {
            throw conflict(tenant, e, "Il ban è già stato deciso da un altro moderatore.");
        }
        long outbox = stores.outbox().enqueue(OutboxItem.draft(tenant.id(), ban.channel(), OutboxKind.BAN, ban.author(),
                Optional.of(e.message().id()), Optional.empty(), now));
        stores.escalations().close(e.id(), v.username(), Resolution.BAN_CONFIRMED, Optional.empty(), now);
        audit(now, v, tenant, AuditAction.BAN_CONFIRM, e, Optional.of("ban:" + ban.id() + " outbox:" + outbox));
        done(ctx, tenant, e, Outcome.BAN_CONFIRMED);
    }

    void rejectBan(Context ctx, Viewer v, TenantConfig tenant) {
        Escalation e = open(ctx, tenant);
        Ban ban = proposed(tenant, e);
        Instant now = clock.instant();
        if (!stores.bans().decide(ban.id(), BanStatus.REJECTED, v.username(), now)) {
            throw conflict(tenant, e, "Il ban è già stato deciso da un altro moderatore.");
        }
        stores.escalations().close(e.id(), v.username(), Resolution.BAN_REJECTED, Optional.empty(), now);
        audit(now, v, tenant, AuditAction.BAN_REJECT, e, Optional.of("ban:" + ban.id()));
        done(ctx, tenant, e, Outcome.BAN_REJECTED);
    }

    /** {@code POST /console/{tenant}/bans/{id}/lift}, from the author history of an item ({@code item}). */
    void liftBan(Context ctx, Viewer v, TenantConfig tenant) {
        Ban ban = parse(ctx.pathParam("id")).flatMap(stores.bans()::find).filter(b -> b.tenant().equals(tenant.id()))
                .orElseThrow(Refusal::notFound);
        String back = parse(ctx.formParam("item")).flatMap(stores.escalations()::find)
                .filter(e -> e.tenant().equals(tenant.id()))
                .map(e -> item(tenant, e)).orElse("/console/" + tenant.id() + "/queue");
        Instant now = clock.instant();
        if (ban.status() != BanStatus.CONFIRMED || !stores.bans().lift(ban.id(), v.username(), now)) {
            throw new Refusal(409, "Questo ban non è confermato (o è già stato revocato): non si può revocare.", back);
        }
        long outbox = stores.outbox().enqueue(OutboxItem.draft(tenant.id(), ban.channel(), OutboxKind.UNBAN, ban.author(),
                ban.messageId(), Optional.empty(), now));
        stores.audit().record(AuditEntry.of(now, v.username(), tenant.id(), AuditAction.BAN_LIFT, "ban:" + ban.id())
                .withDetail("outbox:" + outbox));
        ctx.redirect(back + (back.contains("?") ? "&" : "?") + "esito=" + Outcome.BAN_LIFTED.code(), HttpStatus.SEE_OTHER);
    }

    private Escalation open(Context ctx, TenantConfig tenant) {
        Escalation e = ItemPage.load(stores, tenant, ctx.pathParam("id"));
        if (e.status().isClosed()) {
            throw conflict(tenant, e, "La segnalazione è già chiusa: nessuna azione è più possibile.");
        }
        return e;
    }

    private Ban proposed(TenantConfig tenant, Escalation e) {
        return stores.bans().forMessage(e.message().id()).filter(b -> b.status() == BanStatus.PROPOSED)
                .orElseThrow(() -> conflict(tenant, e, "Per questo messaggio non c'è un ban in attesa di decisione."));
    }

    private void close(TenantConfig tenant, Escalation e, Viewer v, Resolution resolution, Optional<String> answer,
                       Instant now) {
        if (!stores.escalations().close(e.id(), v.username(), resolution, answer, now)) {
            throw conflict(tenant, e, "La segnalazione è già stata chiusa da un altro moderatore.");
        }
    }

    /** To the author, on the channel the message came from (the web chat collects its replies). */
    private long enqueue(Escalation e, OutboxKind kind, Optional<String> text, Instant now) {
        Message m = e.message().message();
        return stores.outbox().enqueue(OutboxItem.draft(m.tenant(), m.channel(), kind, m.author(),
                Optional.of(e.message().id()), text, now));
    }

    private void audit(Instant at, Viewer v, TenantConfig tenant, AuditAction action, Escalation e,
                       Optional<String> detail) {
        AuditEntry entry = AuditEntry.of(at, v.username(), tenant.id(), action, "escalation:" + e.id());
        stores.audit().record(detail.map(entry::withDetail).orElse(entry));
    }

    private static void done(Context ctx, TenantConfig tenant, Escalation e, Outcome outcome) {
        ctx.redirect(item(tenant, e) + "?esito=" + outcome.code(), HttpStatus.SEE_OTHER);
    }

    private static Refusal conflict(TenantConfig tenant, Escalation e, String message) {
        return new Refusal(409, message, item(tenant, e));
    }

    private static String item(TenantConfig tenant, Escalation e) {
        return "/console/" + tenant.id() + "/items/" + e.id();
    }

    private static Optional<Long> parse(String number) {
        try {
            return number == null ? Optional.empty() : Optional.of(Long.parseLong(number));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
