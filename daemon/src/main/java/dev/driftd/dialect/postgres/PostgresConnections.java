package dev.driftd.dialect.postgres;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.JdbcUrl;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens PostgreSQL connections. The database goes to pgjdbc as {@code PGDBNAME}, not inside the
 * URL, and every connection checks {@code current_database()} before it is handed out, so a name
 * never reaches another database. Every connection has a connect/login timeout and is named
 * {@code driftd} in {@code pg_stat_activity}. Read-only ones (snapshots) also get a socket
 * timeout, read-only transactions, and {@code statement_timeout} / {@code lock_timeout} equal to
 * the snapshot timeout, so a snapshot never queues application DDL behind it for longer than that.
 * Writable ones (applying a plan) get no statement or socket timeout: DDL such as an index build
 * may legitimately run long, and the applier sets its own {@code lock_timeout}.
 */
final class PostgresConnections {
    /** Lets the server's statement_timeout fire (a clear error) before the socket gives up. */
    private static final Duration SOCKET_MARGIN = Duration.ofSeconds(5);

    private PostgresConnections() {
    }

    static Connection open(DbTarget target, InspectOptions options, boolean readOnly) throws SQLException {
        JdbcUrl url;
        try {
            url = JdbcUrl.parse(target.url());
        } catch (IllegalArgumentException e) {
            throw new SQLException(e.getMessage(), "08001");
        }
        Properties props = new Properties();
        if (!url.database().isEmpty()) {
            // the name as a property, never inside the URL: pgjdbc would percent-decode it there
            props.setProperty(PostgresFamily.INSTANCE.databaseProperty(), url.database());
        }
        if (target.user() != null) {
            props.setProperty("user", target.user());
        }
        if (target.password() != null) {
            props.setProperty("password", target.password());
        }
        long timeoutSeconds = seconds(options.timeout());
        props.setProperty("connectTimeout", Long.toString(timeoutSeconds));
        props.setProperty("loginTimeout", Long.toString(timeoutSeconds));
        props.setProperty("ApplicationName", "driftd");
        if (readOnly) {
            props.setProperty("socketTimeout", Long.toString(seconds(options.timeout().plus(SOCKET_MARGIN))));
        }
        Connection connection = DriverManager.getConnection(url.serverUrl(), props);
        try {
            PostgresFamily.INSTANCE.checkReached(connection, url.database());
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        if (!readOnly) {
            return connection;
        }
        try (Statement s = connection.createStatement()) {
            long millis = Math.max(1, options.timeout().toMillis());
            // One round trip: the SETs in one simple query. JIT off: the catalog queries of a large
            // schema cross jit_above_cost, and compiling them cost more (0.7 s at 2,000 tables) than
            // it ever saves on a query that runs once.
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY; "
                    + "SET statement_timeout = " + millis + "; "
                    + "SET lock_timeout = " + millis + "; "
                    + "SET jit = off");
            connection.setReadOnly(true);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Whole seconds, at least one (pgjdbc takes seconds; 0 would mean "no timeout"). */
    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
