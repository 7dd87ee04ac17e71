package dev.driftd.dialect.mysql;

import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A MySQL-family server the scenario harness creates databases on: the project's test server
 * (TestDatabases.mysql(), the local MariaDB here) or a Testcontainers MySQL. {@code clients} is
 * true when the local mysql / mysqldump binaries can talk to it.
 */
record ScenarioServer(String host, int port, String user, String password, boolean clients, String label) {

    static ScenarioServer project() {
        TestServer s = TestDatabases.mysql();
        if (s == null) {
            return null;
        }
        return new ScenarioServer(s.host(), s.port(), s.user(), s.password(), true, s.origin());
    }

    String url(String database) {
        return "jdbc:mysql://" + host + ":" + port + "/" + database + "?user=" + user
                + (password == null || password.isEmpty() ? "" : "&password=" + password)
                + "&allowMultiQueries=true";
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database));
    }

    String createDatabase(String prefix) {
        String name = (prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()))
                .toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        return name;
    }

    void drop(String database) {
        admin("DROP DATABASE IF EXISTS `" + database + "`");
    }

    void admin(String sql) {
        execute("mysql", List.of(sql));
    }

    /** Runs each string as one statement (compound bodies included); fails with the statement. */
    void execute(String database, List<String> sql) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            for (String one : sql) {
                try {
                    s.execute(one);
                } catch (SQLException e) {
                    throw new IllegalStateException("in " + database + ": " + e.getMessage() + "\n  while running: " + one, e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + database + ": " + e.getMessage(), e);
        }
    }
}
