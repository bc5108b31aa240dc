package it.sportello.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The PostgreSQL fixture: a fresh database that takes SQL and Italian text, and is gone once closed. */
class PostgresServerTest {

    @RegisterExtension
    static final PostgresDatabase DB = new PostgresDatabase();

    @Test
    void selectsOne() throws SQLException {
        try (Connection c = DB.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void createsAndReadsATable() throws SQLException {
        try (Connection c = DB.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table note (id int primary key, body text not null)");
            }
            try (PreparedStatement insert = c.prepareStatement("insert into note (id, body) values (?, ?)")) {
                insert.setInt(1, 1);
                insert.setString(2, "Perché il CUP è chiuso?");
                insert.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select body from note where id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Perché il CUP è chiuso?");
            }
        }
    }

    @Test
    void eachDatabaseIsFreshAndDroppedOnClose() throws SQLException {
        PostgresServer.Database other = PostgresServer.freshDatabase();
        try (Connection c = other.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from information_schema.tables where table_schema = 'public'")) {
            assertThat(other.name()).isNotEqualTo(DB.name());
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isZero();
        } finally {
            other.close();
        }
        assertThat(databases()).contains(DB.name()).doesNotContain(other.name());
    }

    private static List<String> databases() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DB.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select datname from pg_database")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
