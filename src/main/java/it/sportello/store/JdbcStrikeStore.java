package it.sportello.store;

import it.sportello.guard.StrikeStore;
import java.time.Duration;
import java.time.Instant;

/** The guard's netiquette strikes in the database, so they survive restarts and are shared by instances. */
final class JdbcStrikeStore implements StrikeStore {

    private final Jdbc jdbc;

    JdbcStrikeStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int count(String tenant, String author, Instant at, Duration window) {
        return jdbc.inTransaction(c -> Jdbc.one(c, "select count(*) from strike where tenant = ? and author = ? and at > ? and at <= ?",
                rs -> rs.getInt(1), tenant, author, at.minus(window), at).orElse(0));
    }

    @Override
    public void record(String tenant, String author, Instant at) {
        jdbc.inTransaction(c -> Jdbc.insert(c, "insert into strike (tenant, author, at) values (?, ?, ?)", tenant, author, at));
    }
}
