package dev.driftd.dialect.postgres;

import dev.driftd.testing.TestServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Fixture SQL made fit for the server under test. The fixtures are written for the newest syntax
 * (the local server is 15), and .ci/checks/pg-matrix.sh runs them on 13 and 14 too: a clause that an
 * older server does not parse is dropped there, so the feature is absent on both sides and the
 * scenario still checks everything else. Tests that assert the feature itself ask
 * {@link #supportsNullsNotDistinct}.
 */
final class PgFixtureSql {
    /** {@code UNIQUE NULLS NOT DISTINCT} (constraints and indexes) arrived in PostgreSQL 15. */
    private static final Pattern NULLS_NOT_DISTINCT = Pattern.compile("\\s+NULLS\\s+NOT\\s+DISTINCT\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> MAJORS = new ConcurrentHashMap<>();

    private PgFixtureSql() {
    }

    /** {@code sql} with the clauses {@code server} is too old for left out. */
    static String forServer(TestServer server, String sql) {
        return supportsNullsNotDistinct(server) ? sql : NULLS_NOT_DISTINCT.matcher(sql).replaceAll("");
    }

    static boolean supportsNullsNotDistinct(TestServer server) {
        return major(server) >= 15;
    }

    static int major(TestServer server) {
        return MAJORS.computeIfAbsent(server.toString(), k -> {
            try (Connection c = server.connect("postgres")) {
                return c.getMetaData().getDatabaseMajorVersion();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the server version: " + e.getMessage(), e);
            }
        });
    }
}
