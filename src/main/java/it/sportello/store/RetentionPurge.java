package it.sportello.store;

import java.time.Instant;

/**
 * Deletes what is older than a tenant's retention period: messages with their escalations and outbox
 * items, strikes, post fingerprints, and bans no longer in force (rejected, lifted). Confirmed bans stay:
 * they are in force. Audit entries stay, with their detail cleared, so the log of who did what remains
 * without anything about the citizen.
 */
public final class RetentionPurge {

    private final Jdbc jdbc;

    RetentionPurge(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public PurgeReport purge(String tenant, Instant cutoff) {
        return jdbc.inTransaction(c -> {
            int escalations = Jdbc.update(c, "delete from escalation where tenant = ? and created_at < ?", tenant, cutoff);
            int outbox = Jdbc.update(c, "delete from outbox where tenant = ? and created_at < ?", tenant, cutoff);
            int bans = Jdbc.update(c, "delete from ban where tenant = ? and status in (?, ?) and proposed_at < ?", tenant,
                    BanStatus.REJECTED, BanStatus.LIFTED, cutoff);
            Jdbc.update(c, "update ban set message_id = null where tenant = ? and message_id in "
                    + "(select id from message where tenant = ? and received_at < ?)", tenant, tenant, cutoff);
            int messages = Jdbc.update(c, "delete from message where tenant = ? and received_at < ?", tenant, cutoff);
            int strikes = Jdbc.update(c, "delete from strike where tenant = ? and at < ?", tenant, cutoff);
            int fingerprints = Jdbc.update(c, "delete from post_fingerprint where tenant = ? and at < ?", tenant, cutoff);
            int audit = Jdbc.update(c, "update audit set detail = null where tenant = ? and at < ? and detail is not null",
                    tenant, cutoff);
            return new PurgeReport(tenant, messages, escalations, outbox, strikes, fingerprints, bans, audit);
        });
    }
}
