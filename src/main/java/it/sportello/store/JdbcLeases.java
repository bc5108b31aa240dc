package it.sportello.store;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** {@link Leases} as rows of {@code channel_lease}: a conditional update, else an insert that may collide. */
final class JdbcLeases implements Leases {

    private final Jdbc jdbc;

    JdbcLeases(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean tryAcquire(String name, String holder, Instant now, Duration ttl) {
        Instant until = now.plus(ttl);
        int renewed = jdbc.update("update channel_lease set holder = ?, expires_at = ? "
                + "where name = ? and (holder = ? or expires_at <= ?)", holder, until, name, holder, now);
        if (renewed > 0) {
            return true;
        }
        try {
            return jdbc.inTransaction(c -> {
                try {
                    Jdbc.update(c, "insert into channel_lease (name, holder, expires_at) values (?, ?, ?)", name, holder,
                            until);
                    return true;
                } catch (SQLException e) {
                    if (Jdbc.isDuplicateKey(e)) {
                        throw new LeaseTaken();
                    }
                    throw e;
                }
            });
        } catch (LeaseTaken e) {
            return false;
        }
    }

    @Override
    public void release(String name, String holder, Instant now) {
        jdbc.update("update channel_lease set expires_at = ? where name = ? and holder = ?", now, name, holder);
    }

    /** Rolls the insert's transaction back (PostgreSQL aborts it anyway) and says someone else holds the lease. */
    private static final class LeaseTaken extends RuntimeException {
        LeaseTaken() {
            super(null, null, false, false);
        }
    }
}
