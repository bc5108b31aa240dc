package it.sportello.testing;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One fresh PostgreSQL database for a whole test class: {@code @RegisterExtension static final PostgresDatabase DB
 * = new PostgresDatabase();}. It is made before the first test and dropped after the last; without a server each
 * test is skipped on its own, since Surefire does not report a class skipped from {@code @BeforeAll} at all.
 */
public final class PostgresDatabase implements BeforeEachCallback, AfterAllCallback {

    private PostgresServer.Database database;

    @Override
    public void beforeEach(ExtensionContext context) {
        if (database == null) {
            database = PostgresServer.freshDatabase();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    public String url() {
        return current().url();
    }

    public String name() {
        return current().name();
    }

    public Connection connect() throws SQLException {
        return current().connect();
    }

    private PostgresServer.Database current() {
        if (database == null) {
            throw new IllegalStateException("No database outside a test: register this with @RegisterExtension");
        }
        return database;
    }
}
