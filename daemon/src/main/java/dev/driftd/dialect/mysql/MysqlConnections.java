package dev.driftd.dialect.mysql;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.JdbcUrl;
import dev.driftd.util.UrlRedaction;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * Opens MySQL and MariaDB connections through mysql-connector-j, the only MySQL-family driver
 * driftd ships: {@code jdbc:mariadb:} URLs are rewritten to {@code jdbc:mysql:} with their
 * parameters kept. Every connection carries the timeout as connect and socket timeout and as the
 * server's lock-wait and statement limits; snapshot connections are read-only sessions. The
 * database goes to the driver as its {@code dbname} property, never inside the URL, and every
 * connection checks {@code DATABASE()} before it is handed out.
 */
final class MysqlConnections {
    /** Server error 1049: the database named in the URL does not exist. */
    private static final int UNKNOWN_DATABASE = 1049;
    private static final java.sql.Driver DRIVER = newDriver();

    private MysqlConnections() {
    }

    static Connection open(DbTarget target, InspectOptions options, boolean readOnly) throws SQLException {
        JdbcUrl parsed;
        try {
            parsed = JdbcUrl.parse(target.url());
        } catch (IllegalArgumentException e) {
            throw new SQLException(e.getMessage(), "08001");
        }
        String database = parsed.database();
        if (database.isEmpty()) {
            throw new SQLException("no database in " + UrlRedaction.redact(target.url())
                    + ": driftd reads one MySQL/MariaDB database per snapshot; name it after the host, "
                    + "e.g. jdbc:mysql://host:3306/app");
        }
        String url = driverUrl(parsed.serverUrl());
        Duration timeout = options.timeout();
        Properties props = new Properties();
        // the name as a property, which Connector/J prefers to the URL's path (it would percent-decode that)
        props.setProperty(MysqlFamily.INSTANCE.databaseProperty(), database);
        if (target.user() != null) {
            props.setProperty("user", target.user());
        }
        if (target.password() != null) {
            props.setProperty("password", target.password());
        }
        long ms = Math.max(1, timeout.toMillis());
        props.setProperty("connectTimeout", Long.toString(ms));
        // The server-side statement limit below fires first and names the statement; the socket
        // timeout is only the backstop for a server that stops answering altogether.
        props.setProperty("socketTimeout", Long.toString(ms + 2_000));
        Connection c;
        try {
            // The driver directly, not DriverManager: that would load and register every JDBC
            // driver on the class path first, a noticeable part of a one-shot CLI run.
            c = DRIVER.connect(url, props);
            if (c == null) {
                throw new SQLException("not a MySQL URL: " + UrlRedaction.redact(target.url()));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == UNKNOWN_DATABASE) {
                throw new SQLException("database '" + database + "' does not exist on " + parsed.server(),
                        e.getSQLState(), e.getErrorCode(), e);
            }
            throw e;
        }
        try {
            MysqlFamily.INSTANCE.checkReached(c, database);
            MysqlServer server = serverOf(c);
            configureSession(c, server, timeout, readOnly);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static java.sql.Driver newDriver() {
        try {
            return new com.mysql.cj.jdbc.Driver();
        } catch (SQLException e) {
            throw new IllegalStateException("mysql-connector-j cannot be loaded", e);
        }
    }

    /** {@code jdbc:mariadb:...} becomes {@code jdbc:mysql:...}; everything after the prefix is kept. */
    static String driverUrl(String url) {
        if (url.regionMatches(true, 0, "jdbc:mariadb:", 0, "jdbc:mariadb:".length())) {
            return "jdbc:mysql:" + url.substring("jdbc:mariadb:".length());
        }
        return url;
    }

    static MysqlServer serverOf(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return MysqlServer.fromVersion(rs.getString(1));
        }
    }

    /**
     * Lock waits are bounded by the timeout so a session never queues application DDL behind it
     * for longer. Snapshot (read-only) sessions also bound every statement: MariaDB's
     * max_statement_time is in seconds, MySQL's max_execution_time in milliseconds (and only for
     * SELECT, which is all a snapshot runs). Writable sessions, which apply plans, get no statement
     * limit: MariaDB's would also abort a long ALTER TABLE half way.
     */
    private static void configureSession(Connection c, MysqlServer server, Duration timeout, boolean readOnly)
            throws SQLException {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        try (Statement s = c.createStatement()) {
            if (readOnly) {
                String statementLimit = server.isMariaDb()
                        ? "max_statement_time = " + String.format(Locale.ROOT, "%.3f", Math.max(0.001, timeout.toMillis() / 1000.0))
                        : "max_execution_time = " + Math.max(1, timeout.toMillis());
                s.execute("SET SESSION lock_wait_timeout = " + seconds + ", SESSION " + statementLimit);
                s.execute("SET SESSION TRANSACTION READ ONLY");
            } else {
                s.execute("SET SESSION lock_wait_timeout = " + seconds);
            }
        }
    }
}
