package it.sportello.store;

import it.sportello.contract.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link BanStore} over JDBC. */
final class JdbcBanStore implements BanStore {

    private static final String SELECT = "select id, tenant, author, channel, message_id, status, proposed_at, decided_by, "
            + "decided_at, lifted_by, lifted_at from ban ";

    private final Jdbc jdbc;

    JdbcBanStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long propose(String tenant, String author, Channel channel, long messageId, Instant at) {
        return jdbc.inTransaction(c -> propose(c, tenant, author, channel, messageId, at));
    }

    static long propose(java.sql.Connection c, String tenant, String author, Channel channel, long messageId, Instant at)
            throws SQLException {
        Optional<Long> open = Jdbc.one(c, "select id from ban where tenant = ? and author = ? and status = ?",
                rs -> rs.getLong(1), tenant, author, BanStatus.PROPOSED);
        if (open.isPresent()) {
            return open.get();
        }
        return Jdbc.insert(c, "insert into ban (tenant, author, channel, message_id, status, proposed_at) "
                + "values (?, ?, ?, ?, ?, ?)", tenant, author, channel, messageId, BanStatus.PROPOSED, at);
    }

    @Override
    public boolean decide(long id, BanStatus outcome, String moderator, Instant at) {
        if (outcome != BanStatus.CONFIRMED && outcome != BanStatus.REJECTED) {
            throw new IllegalArgumentException("a proposal is confirmed or rejected, not " + outcome);
        }
        return jdbc.update("update ban set status = ?, decided_by = ?, decided_at = ? where id = ? and status = ?",
                outcome, moderator, at, id, BanStatus.PROPOSED) == 1;
    }

    @Override
    public boolean lift(long id, String moderator, Instant at) {
        return jdbc.update("update ban set status = ?, lifted_by = ?, lifted_at = ? where id = ? and status = ?",
                BanStatus.LIFTED, moderator, at, id, BanStatus.CONFIRMED) == 1;
    }

    @Override
    public Optional<Ban> find(long id) {
        return jdbc.one(SELECT + "where id = ?", JdbcBanStore::row, id);
    }

    @Override
    public Optional<Ban> forMessage(long messageId) {
        return jdbc.one(SELECT + "where message_id = ? order by id desc", JdbcBanStore::row, messageId);
    }

    @Override
    public List<Ban> ofAuthor(String tenant, String author) {
        return jdbc.query(SELECT + "where tenant = ? and author = ? order by proposed_at desc, id desc", JdbcBanStore::row,
                tenant, author);
    }

    @Override
    public List<Ban> list(String tenant, BanStatus status, int limit) {
        return jdbc.query(SELECT + "where tenant = ? and status = ? order by proposed_at desc, id desc limit ?",
                JdbcBanStore::row, tenant, status, limit);
    }

    private static Ban row(ResultSet rs) throws SQLException {
        long message = rs.getLong("message_id");
        Optional<Long> messageId = rs.wasNull() ? Optional.empty() : Optional.of(message);
        return new Ban(rs.getLong("id"), rs.getString("tenant"), rs.getString("author"),
                Columns.wire(Channel.class, rs.getString("channel")), messageId,
                Columns.named(BanStatus.class, rs.getString("status")), Jdbc.instant(rs, "proposed_at"),
                Jdbc.optionalString(rs, "decided_by"), Jdbc.optionalInstant(rs, "decided_at"),
                Jdbc.optionalString(rs, "lifted_by"), Jdbc.optionalInstant(rs, "lifted_at"));
    }
}
