package it.sportello.store;

import java.time.Instant;
import java.util.Optional;

/** {@link SessionStore} over JDBC. */
final class JdbcSessionStore implements SessionStore {

    private final Jdbc jdbc;

    JdbcSessionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(ConsoleSession s) {
        jdbc.update("insert into console_session (token_hash, username, csrf, created_at, expires_at) values (?, ?, ?, ?, ?)",
                s.tokenHash(), s.username(), s.csrf(), s.createdAt(), s.expiresAt());
    }

    @Override
    public Optional<ConsoleSession> find(String tokenHash, Instant now) {
        return jdbc.one("select token_hash, username, csrf, created_at, expires_at from console_session "
                        + "where token_hash = ? and expires_at > ?",
                rs -> new ConsoleSession(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.instant(rs, "created_at"),
                        Jdbc.instant(rs, "expires_at")), tokenHash, now);
    }

    @Override
    public void delete(String tokenHash) {
        jdbc.update("delete from console_session where token_hash = ?", tokenHash);
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbc.update("delete from console_session where expires_at <= ?", now);
    }
}
