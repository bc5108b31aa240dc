package it.sportello.store;

import it.sportello.guard.PostHistory;
import java.time.Duration;
import java.time.Instant;

/** Fingerprints of each author's posts in the database (hashes, never text), to recognise repeats. */
final class JdbcPostHistory implements PostHistory {

    private final Jdbc jdbc;

    JdbcPostHistory(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int count(String tenant, String author, String fingerprint, Instant at, Duration window) {
        return jdbc.inTransaction(c -> Jdbc.one(c, "select count(*) from post_fingerprint where tenant = ? and author = ? "
                + "and fingerprint = ? and at > ? and at <= ?", rs -> rs.getInt(1), tenant, author, fingerprint, at.minus(window), at)
                .orElse(0));
    }

    @Override
    public void record(String tenant, String author, String fingerprint, Instant at) {
        jdbc.inTransaction(c -> Jdbc.insert(c, "insert into post_fingerprint (tenant, author, fingerprint, at) values (?, ?, ?, ?)",
                tenant, author, fingerprint, at));
    }
}
