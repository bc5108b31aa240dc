package it.sportello.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store suite on the embedded H2 file database, as {@code serve} runs it by default. */
class H2StoreTest extends StoreContractTest {

    @TempDir
    static Path data;

    @Override
    DatabaseConfig config() {
        return DatabaseConfig.embedded(data);
    }
}
