package it.sportello.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the store lives. By default an embedded H2 file database under the data folder; a JDBC URL in
 * {@code SPORTELLO_DB_URL} (with {@code SPORTELLO_DB_USER} and {@code SPORTELLO_DB_PASSWORD}) selects
 * another, PostgreSQL in production. Passwords come from the environment only.
 */
public record DatabaseConfig(String url, Optional<String> user, Optional<String> password, int poolSize) {

    /** H2 speaking PostgreSQL's dialect; WRITE_DELAY=0 so that a commit is in the file before it returns. */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("only H2 and PostgreSQL are supported, not " + redacted(url));
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be positive");
        }
    }

    /**
     * The embedded H2 file database {@code <dataDir>/sportello.mv.db}. {@code DB_CLOSE_ON_EXIT=FALSE}: H2's own
     * shutdown hook would close the database while {@code serve}'s hook still records the outcome of the item
     * in hand; {@code serve} closes it last instead.
     */
    public static DatabaseConfig embedded(Path dataDir) {
        return new DatabaseConfig("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("sportello") + H2_OPTIONS
                + ";DB_CLOSE_ON_EXIT=FALSE",
                Optional.of("sa"), Optional.of(""), 16);
    }

    /** An in-memory H2 database that lives as long as the process: throw-away runs and tests. */
    public static DatabaseConfig inMemory(String name) {
        return new DatabaseConfig("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS.replace(";WRITE_DELAY=0", ""),
                Optional.of("sa"), Optional.of(""), 8);
    }

    /** {@code SPORTELLO_DB_URL} and friends when set, else the embedded database under {@code dataDir}. */
    public static DatabaseConfig fromEnvironment(Map<String, String> env, Path dataDir) {
        String url = env.get("SPORTELLO_DB_URL");
        if (url == null || url.isBlank()) {
            return embedded(dataDir);
        }
        int pool = Integer.parseInt(env.getOrDefault("SPORTELLO_DB_POOL", "16"));
        return new DatabaseConfig(url, Optional.ofNullable(env.get("SPORTELLO_DB_USER")),
                Optional.ofNullable(env.get("SPORTELLO_DB_PASSWORD")), pool);
    }

    /** The URL without its query string (which may carry a password), for logs. */
    public String describe() {
        return redacted(url);
    }

    private static String redacted(String url) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        int semi = base.indexOf(';');
        return semi < 0 ? base : base.substring(0, semi);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + describe() + "]";
    }
}
