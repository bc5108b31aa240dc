package it.sportello.store;

import it.sportello.guard.PostHistory;
import it.sportello.guard.StrikeStore;

/** Every store over one database, as the wiring hands them out. */
public record Stores(MessageStore messages, EscalationStore escalations, StrikeStore strikes, PostHistory posts,
                     BanStore bans, OutboxStore outbox, AuditLog audit, SessionStore sessions, RetentionPurge retention,
                     Transactions transactions, Leases leases, Cursors cursors) {

    static Stores over(Jdbc jdbc) {
        return new Stores(new JdbcMessageStore(jdbc), new JdbcEscalationStore(jdbc), new JdbcStrikeStore(jdbc),
                new JdbcPostHistory(jdbc), new JdbcBanStore(jdbc), new JdbcOutboxStore(jdbc), new JdbcAuditLog(jdbc),
                new JdbcSessionStore(jdbc), new RetentionPurge(jdbc), jdbc::atomically, new JdbcLeases(jdbc),
                new JdbcCursors(jdbc));
    }
}
