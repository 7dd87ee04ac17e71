package dev.driftd.dialect.mysql;

import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.schema.Flavor;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs a MySQL plan on a writable connection, statement by statement: DDL commits implicitly, so
 * there is no transaction to roll back. A failure names the statement and how many ran before it,
 * which is what a person needs to decide whether to re-plan (a re-plan picks up where it stopped).
 */
final class MysqlApplier {
    private final Connection connection;

    MysqlApplier(Connection connection) {
        this.connection = connection;
    }

    void apply(Plan plan, boolean allowDestructive) throws SQLException {
        List<PlanStatement> runnable = plan.runnable(allowDestructive);
        if (runnable.isEmpty()) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            // Routine and trigger bodies may hold {...} that JDBC escape processing would rewrite.
            s.setEscapeProcessing(false);
            if (plan.flavor() == Flavor.MARIADB) {
                // The connection bounds every statement for snapshots; rebuilding a large table takes
                // as long as it takes, and lock waits stay bounded by the plan's lock_wait_timeout.
                run(s, "SET SESSION max_statement_time = 0", "the session setting", 0, runnable.size());
            }
            for (String p : plan.preamble()) {
                run(s, p, "the session setting", 0, runnable.size());
            }
            for (int i = 0; i < runnable.size(); i++) {
                run(s, runnable.get(i).sql(), "statement " + (i + 1) + " of " + runnable.size(), i, runnable.size());
            }
        }
    }

    private static void run(Statement s, String sql, String which, int ran, int total) throws SQLException {
        try {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(which + " failed after " + ran + " of " + total + " statements ran ("
                    + firstLine(sql) + "): " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
    }

    private static String firstLine(String sql) {
        String line = sql.strip().lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }
}
