package it.sportello.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** A fresh, empty PostgreSQL database per test class, on the server that {@code .ci/postgres} starts. */
public final class PostgresServer {

    static final String URL_VAR = "SPORTELLO_TEST_PG_URL";
    static final String REQUIRE_VAR = "SPORTELLO_REQUIRE_PG";
    private static final String JDBC = "jdbc:";

    private PostgresServer() {
    }

    /** The server's admin JDBC URL, with a user allowed to create databases, if one is configured. */
    public static Optional<String> adminUrl() {
        return adminUrl(System.getenv());
    }

    static Optional<String> adminUrl(Map<String, String> env) {
        return Optional.ofNullable(env.get(URL_VAR)).map(String::strip).filter(url -> !url.isEmpty());
    }

    /**
     * Creates an empty database, which the caller closes; test classes usually want {@link PostgresDatabase}.
     * Without a server the test is skipped, or fails where {@code SPORTELLO_REQUIRE_PG=1}.
     */
    public static Database freshDatabase() {
        return freshDatabase(System.getenv());
    }

    static Database freshDatabase(Map<String, String> env) {
        String admin = adminUrl(env).orElseGet(() -> Requirement.missing(env, REQUIRE_VAR,
                "No PostgreSQL for the tests: run eval \"$(.ci/postgres)\" first (it sets " + URL_VAR + ")"));
        String name = "sportello_" + HexFormat.of().formatHex(randomBytes());
        String url = withDatabase(admin, name);
        execute(admin, "create database " + name);
        return new Database(url, name, admin);
    }

    /** An empty database of its own; closing it drops it, even with connections still open. */
    public record Database(String url, String name, String adminUrl) implements AutoCloseable {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public void close() {
            execute(adminUrl, "drop database if exists " + name + " with (force)");
        }
    }

    /** The same URL on another database: the path names it, the query (user, options) stays. */
    static String withDatabase(String jdbcUrl, String database) {
        if (!jdbcUrl.startsWith(JDBC)) {
            throw new IllegalArgumentException(URL_VAR + " is not a JDBC URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring(JDBC.length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return JDBC + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + database + query;
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for the tests refused: " + sql, e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
