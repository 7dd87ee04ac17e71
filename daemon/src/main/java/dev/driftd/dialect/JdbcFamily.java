package dev.driftd.dialect;

import dev.driftd.dialect.mysql.MysqlFamily;
import dev.driftd.dialect.postgres.PostgresFamily;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * What a database family's JDBC driver needs to know about addresses: which URLs are its, the
 * default port, the driver property that carries the database (so a database name is never parsed
 * out of a URL by the driver), and the query that names the database a session really reached.
 */
public interface JdbcFamily {
    /** Short name: {@code postgres}, {@code mysql}. */
    String name();

    /** True when the URL is this family's ({@code jdbc:postgresql:}, {@code jdbc:mysql:} …). */
    boolean handles(String url);

    int defaultPort();

    /** The connection property the driver reads the database from, taking precedence over the URL's path. */
    String databaseProperty();

    /** A one-row, one-column query answering the session's current database. */
    String identityQuery();

    /**
     * What the server behind the connection says it is, strongest first, in the JDBC proxy's
     * spelling ({@code postgresql:system_identifier=…}; see {@link ServerIdentities}): DDL events
     * are matched to members by these, whatever host name the application used. By queries that
     * cannot fail on a supported server; empty when nothing can be read.
     */
    List<String> serverIdentities(Connection c) throws SQLException;

    /**
     * Why {@code database} cannot be a member of this family exactly as named, or null when it can.
     * Names the driver or the daemon's API could only approximate are refused rather than mangled.
     */
    default String unrepresentable(String database) {
        for (int i = 0; i < database.length(); i++) {
            if (Character.isISOControl(database.charAt(i))) {
                return "control-character";
            }
        }
        return null;
    }

    /**
     * Fails unless the session reached {@code expected} (nothing to check when the URL names no
     * database). Called on every member connection before it reads or writes anything.
     */
    default void checkReached(Connection c, String expected) throws SQLException {
        if (expected == null || expected.isEmpty()) {
            return;
        }
        String reached;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(identityQuery())) {
            reached = rs.next() ? rs.getString(1) : null;
        }
        if (!Objects.equals(expected, reached)) {
            throw new SQLException("the connection reached database " + quote(reached) + ", not " + quote(expected)
                    + " that it names; nothing was read or written", "08004");
        }
    }

    private static String quote(String name) {
        return name == null ? "(none)" : "'" + name + "'";
    }

    /**
     * Every family. A method, not a constant: a constant here would make this interface's
     * initialization read the implementations' INSTANCE fields, which may still be null when an
     * implementation's own initialization started first.
     */
    static List<JdbcFamily> all() {
        return List.of(PostgresFamily.INSTANCE, MysqlFamily.INSTANCE);
    }

    /** The family of a URL; IllegalArgumentException when no family handles it. */
    static JdbcFamily of(String url) {
        for (JdbcFamily f : all()) {
            if (url != null && f.handles(url)) {
                return f;
            }
        }
        String shown = url == null ? "null" : url.substring(0, Math.max(0, Math.min(url.length(), url.indexOf(':', 5) + 1)));
        throw new IllegalArgumentException("not a PostgreSQL, MySQL or MariaDB JDBC URL: " + shown);
    }
}
