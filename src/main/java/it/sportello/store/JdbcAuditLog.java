package it.sportello.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@link AuditLog} over JDBC. */
final class JdbcAuditLog implements AuditLog {

    private static final String SELECT = "select id, at, actor, tenant, action, target, detail from audit ";

    private final Jdbc jdbc;

    JdbcAuditLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AuditEntry e) {
        jdbc.update("insert into audit (at, actor, tenant, action, target, detail) values (?, ?, ?, ?, ?, ?)",
                e.at(), e.actor(), e.tenant(), e.action(), e.target(), e.detail());
    }

    @Override
    public List<AuditEntry> recent(Optional<String> tenant, int limit) {
        return tenant.isPresent()
                ? jdbc.query(SELECT + "where tenant = ? order by at desc, id desc limit ?", JdbcAuditLog::row, tenant.get(), limit)
                : jdbc.query(SELECT + "order by at desc, id desc limit ?", JdbcAuditLog::row, limit);
    }

    private static AuditEntry row(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), Jdbc.instant(rs, "at"), rs.getString("actor"),
                Jdbc.optionalString(rs, "tenant"), Columns.named(AuditAction.class, rs.getString("action")),
                Jdbc.optionalString(rs, "target"), Jdbc.optionalString(rs, "detail"));
    }
}
