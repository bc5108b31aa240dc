package it.sportello.store;

import it.sportello.contract.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link OutboxStore} over JDBC. */
final class JdbcOutboxStore implements OutboxStore {

    private static final String SELECT = "select id, tenant, channel, kind, recipient, message_id, text, status, attempts, "
            + "created_at, sent_at from outbox ";

    private final Jdbc jdbc;

    JdbcOutboxStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long enqueue(OutboxItem d) {
        return jdbc.inTransaction(c -> enqueue(c, d));
    }

    static long enqueue(java.sql.Connection c, OutboxItem d) throws SQLException {
        return Jdbc.insert(c, "insert into outbox (tenant, channel, kind, recipient, message_id, "
                        + "text, status, attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                d.tenant(), d.channel(), d.kind(), d.recipient(), d.messageId(), d.text(), OutboxStatus.PENDING,
                d.createdAt(), d.createdAt());
    }

    @Override
    public List<OutboxItem> collect(Channel channel, String recipient, long afterId, Instant at) {
        return jdbc.inTransaction(c -> {
            List<OutboxItem> items = Jdbc.query(c, SELECT + "where channel = ? and recipient = ? and kind = ? and id > ? "
                    + "order by id limit 100", JdbcOutboxStore::row, channel, recipient, OutboxKind.REPLY, afterId);
            for (OutboxItem item : items) {
                if (item.status() == OutboxStatus.PENDING) {
                    Jdbc.update(c, "update outbox set status = ?, sent_at = ?, attempts = attempts + 1 where id = ?",
                            OutboxStatus.SENT, at, item.id());
                }
            }
            return items;
        });
    }

    @Override
    public List<OutboxItem> ofMessage(long messageId) {
        return jdbc.query(SELECT + "where message_id = ? order by id", JdbcOutboxStore::row, messageId);
    }

    @Override
    public List<OutboxItem> pending(Channel channel, int limit) {
        return jdbc.query(SELECT + "where channel = ? and status = ? order by id limit ?", JdbcOutboxStore::row, channel,
                OutboxStatus.PENDING, limit);
    }

    @Override
    public List<OutboxItem> claimDue(String tenant, Channel channel, int limit, Instant now, java.time.Duration lease) {
        return jdbc.inTransaction(c -> {
            // SKIP LOCKED: two drainers on one PostgreSQL database never take the same item
            List<OutboxItem> due = Jdbc.query(c, SELECT + "where tenant = ? and channel = ? and status = ? "
                    + "and next_attempt_at <= ? order by id limit ? for update skip locked", JdbcOutboxStore::row, tenant, channel, OutboxStatus.PENDING,
                    now, limit);
            List<OutboxItem> claimed = new java.util.ArrayList<>(due.size());
            for (OutboxItem item : due) {
                Jdbc.update(c, "update outbox set attempts = attempts + 1, next_attempt_at = ? where id = ?",
                        now.plus(lease), item.id());
                claimed.add(new OutboxItem(item.id(), item.tenant(), item.channel(), item.kind(), item.recipient(),
                        item.messageId(), item.text(), item.status(), item.attempts() + 1, item.createdAt(),
                        item.sentAt()));
            }
            return claimed;
        });
    }

    @Override
    public void attempting(long id) {
        // an attempt still open was cut off (its drainer died during the call): the item is in doubt from now on
        jdbc.update("update outbox set in_doubt = (in_doubt or attempt_open), attempt_open = true where id = ?", id);
    }

    @Override
    public void postpone(long id, Instant at) {
        jdbc.update("update outbox set next_attempt_at = ?, attempts = attempts - 1, attempt_open = false "
                + "where id = ? and status = ?", at, id,
                OutboxStatus.PENDING);
    }

    @Override
    public void markSent(long id, Instant at) {
        jdbc.update("update outbox set status = ?, sent_at = ?, last_error = null, attempt_open = false where id = ?", OutboxStatus.SENT, at, id);
    }

    @Override
    public void retryLater(long id, Instant retryAt, String error) {
        jdbc.update("update outbox set next_attempt_at = ?, last_error = ?, attempt_open = false where id = ? and status = ?", retryAt,
                truncate(error), id, OutboxStatus.PENDING);
    }

    @Override
    public void markFailed(long id, String error, Instant at) {
        jdbc.update("update outbox set status = ?, last_error = ?, next_attempt_at = ?, attempt_open = false where id = ?", OutboxStatus.FAILED,
                truncate(error), at, id);
    }

    @Override
    public int inDoubt(String tenant, Channel channel) {
        return jdbc.one("select count(*) from outbox where tenant = ? and channel = ? and in_doubt", rs -> rs.getInt(1),
                tenant, channel).orElse(0);
    }

    private static String truncate(String error) {
        return error.length() > 400 ? error.substring(0, 400) : error;
    }

    private static OutboxItem row(ResultSet rs) throws SQLException {
        long message = rs.getLong("message_id");
        Optional<Long> messageId = rs.wasNull() ? Optional.empty() : Optional.of(message);
        return new OutboxItem(rs.getLong("id"), rs.getString("tenant"), Columns.wire(Channel.class, rs.getString("channel")),
                Columns.named(OutboxKind.class, rs.getString("kind")), rs.getString("recipient"), messageId,
                Jdbc.optionalString(rs, "text"), Columns.named(OutboxStatus.class, rs.getString("status")),
                rs.getInt("attempts"), Jdbc.instant(rs, "created_at"), Jdbc.optionalInstant(rs, "sent_at"));
    }
}
