package it.sportello.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The few JDBC moves the stores make, with the statement's parameters bound the same way on H2 and
 * PostgreSQL (instants as {@code timestamp with time zone} in UTC, optionals as SQL null) and every
 * {@link SQLException} turned into a {@link StoreException}.
 */
final class Jdbc {

    /** Reads one row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work done on one connection, inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    /** The transaction {@link #atomically} opened on this thread, which the stores' work joins. */
    private final ThreadLocal<Unit> ambient = new ThreadLocal<>();
    /**
     * One transaction at a time on embedded H2. Its commit writes every change in memory to the file,
     * other transactions' uncommitted ones included; after a kill -9 H2 can leave those holding row locks
     * that nothing releases (seen in KillNineTest). With one writer, no uncommitted change ever reaches
     * the file. PostgreSQL needs no such lock.
     */
    private final java.util.Optional<java.util.concurrent.locks.Lock> oneAtATime;

    Jdbc(DataSource dataSource, boolean serialize) {
        this.dataSource = dataSource;
        this.oneAtATime = serialize ? java.util.Optional.of(new java.util.concurrent.locks.ReentrantLock())
                : java.util.Optional.empty();
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. Inside
     * {@link #atomically} it joins that transaction instead, and commits with it.
     */
    <T> T inTransaction(Work<T> work) {
        Unit unit = ambient.get();
        if (unit != null) {
            try {
                return work.run(unit.connection());
            } catch (SQLException e) {
                throw new StoreException("database: " + e.getMessage(), e);
            }
        }
        Unit own = begin();
        try {
            T result = work.run(own.connection());
            own.end(true);
            return result;
        } catch (SQLException | RuntimeException e) {
            own.end(false);
            throw e instanceof SQLException s ? new StoreException("database: " + s.getMessage(), s) : (RuntimeException) e;
        }
    }

    /**
     * Runs {@code work} with every store call it makes on this thread in one transaction: one commit for
     * all of them, or none of them when it throws. The connection (and, on H2, the writer's turn) is
     * taken at the first store call, so the work done before it (the guard's detectors, retrieval) runs
     * in parallel with other requests.
     */
    <T> T atomically(java.util.function.Supplier<T> work) {
        if (ambient.get() != null) {
            return work.get();
        }
        Unit unit = new Unit();
        ambient.set(unit);
        boolean done = false;
        try {
            T result = work.get();
            done = true;
            return result;
        } finally {
            ambient.remove();
            unit.end(done);
        }
    }

    private Unit begin() {
        Unit unit = new Unit();
        unit.connection();
        return unit;
    }

    /** One transaction: its connection is opened on first use and committed or rolled back at the end. */
    private final class Unit {
        private Connection connection;

        Connection connection() {
            if (connection == null) {
                oneAtATime.ifPresent(java.util.concurrent.locks.Lock::lock);
                try {
                    connection = dataSource.getConnection();
                    connection.setAutoCommit(false);
                } catch (SQLException | RuntimeException e) {
                    close();
                    throw new StoreException("database: " + e.getMessage(), e);
                }
            }
            return connection;
        }

        /** Commits ({@code commit}) or rolls back, closes, and gives the writer's turn back. */
        void end(boolean commit) {
            if (connection == null) {
                return;
            }
            try {
                if (commit) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
            } catch (SQLException e) {
                throw new StoreException("database: " + e.getMessage(), e);
            } finally {
                close();
            }
        }

        private void close() {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                // the pool replaces a connection that fails to close
            } finally {
                connection = null;
                oneAtATime.ifPresent(java.util.concurrent.locks.Lock::unlock);
            }
        }
    }

    int update(String sql, Object... params) {
        return inTransaction(c -> update(c, sql, params));
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Inserts one row and returns its generated {@code id}. */
    static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id generated by: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return inTransaction(c -> query(c, sql, mapper, params));
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        return query(sql, mapper, params).stream().findFirst();
    }

    static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        return query(c, sql, mapper, params).stream().findFirst();
    }

    /** True when {@code e} is a unique-key violation (SQLState 23505 on both databases). */
    static boolean isDuplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(instant(rs, column));
    }

    static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Optional<?> o) {
                p = o.orElse(null);
            }
            int at = i + 1;
            if (p == null) {
                ps.setNull(at, Types.NULL);
            } else if (p instanceof Instant t) {
                // Columns keep microseconds and round a finer value, possibly up: a strike recorded at
                // 12:00:00.9999999 would then fall after its own "at <= ?" and not count. Truncating every
                // instant bound, stored or compared, keeps both sides equal.
                ps.setObject(at, t.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
            } else if (p instanceof Enum<?> e) {
                ps.setString(at, e.name().toLowerCase(java.util.Locale.ROOT));
            } else {
                ps.setObject(at, p);
            }
        }
    }
}
