package it.sportello.store;

import java.time.Instant;
import java.util.Optional;

/** {@link Cursors} as rows of {@code channel_cursor}; only a lease holder writes its cursor. */
final class JdbcCursors implements Cursors {

    private final Jdbc jdbc;

    JdbcCursors(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> get(String name) {
        return jdbc.query("select cursor_value from channel_cursor where name = ?", rs -> rs.getString(1), name).stream()
                .findFirst();
    }

    @Override
    public void put(String name, String value, Instant at) {
        jdbc.inTransaction(c -> {
            if (Jdbc.update(c, "update channel_cursor set cursor_value = ?, updated_at = ? where name = ?", value, at,
                    name) == 0) {
                Jdbc.update(c, "insert into channel_cursor (name, cursor_value, updated_at) values (?, ?, ?)", name, value,
                        at);
            }
            return null;
        });
    }
}
