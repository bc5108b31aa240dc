package it.sportello.store;

import it.sportello.testing.PostgresDatabase;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store suite on a real PostgreSQL server (started by {@code .ci/postgres}), a fresh database for the class. */
class PostgresStoreTest extends StoreContractTest {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Override
    DatabaseConfig config() {
        return new DatabaseConfig(DB.url(), Optional.empty(), Optional.empty(), 8);
    }
}
