package it.sportello.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open store: a connection pool over the configured database, migrated by Flyway to the current
 * schema when opened, and the stores that work on it.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final Stores stores;

    private Database(HikariDataSource pool, boolean embedded) {
        this.pool = pool;
        this.stores = Stores.over(new Jdbc(pool, embedded));
    }

    public static Database open(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url());
        config.user().ifPresent(hikari::setUsername);
        config.password().ifPresent(hikari::setPassword);
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("sportello-store");
        hikari.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the database " + config.describe() + ": " + rootMessage(e), e);
        }
        try {
            var result = Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                    .loggers("slf4j").load().migrate();
            LOG.info("store {}: schema at version {} ({} migrations applied)", config.describe(),
                    result.targetSchemaVersion, result.migrationsExecuted);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate the database " + config.describe() + ": " + rootMessage(e), e);
        }
        return new Database(pool, config.url().startsWith("jdbc:h2:"));
    }

    public Stores stores() {
        return stores;
    }

    /** True when the database answers a trivial query within a second: for {@code /health}. */
    public boolean isHealthy() {
        try (var c = pool.getConnection()) {
            return c.isValid(1);
        } catch (java.sql.SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
