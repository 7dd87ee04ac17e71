package dev.driftd.dialect.postgres;

import dev.driftd.plan.Hazard;
import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.schema.Flavor;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs a PostgreSQL plan on a writable connection, all or nothing: autocommit off, the preamble
 * (lock timeout, search_path) first, then every runnable statement, then COMMIT. Any failure rolls
 * the whole plan back and is reported as an {@link SQLException} naming the failing statement, so
 * a target is either reconciled or untouched. The session settings the preamble made are reset
 * afterwards, because the connection may be pooled.
 */
final class PostgresApplier {
    private final Connection connection;

    PostgresApplier(Connection connection) {
        this.connection = connection;
    }

    void apply(Plan plan, boolean allowDestructive) throws SQLException {
        if (plan.flavor() != null && plan.flavor() != Flavor.POSTGRES) {
            throw new SQLException("cannot apply a " + plan.flavor() + " plan to PostgreSQL");
        }
        List<PlanStatement> runnable = plan.runnable(allowDestructive);
        if (runnable.isEmpty()) {
            return;
        }
        for (PlanStatement s : runnable) {
            // The planner writes none of these; a plan from elsewhere that has one cannot be all-or-nothing.
            if (s.hazards().contains(Hazard.NOT_TRANSACTIONAL)) {
                throw new SQLException("the plan holds a statement that cannot run in a transaction, so it cannot be "
                        + "applied atomically; run it by hand: " + s.sql());
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        String current = null;
        try (Statement st = connection.createStatement()) {
            for (String p : plan.preamble()) {
                current = p;
                st.execute(p);
            }
            for (PlanStatement s : runnable) {
                current = s.sql();
                st.execute(s.sql());
            }
            current = "COMMIT";
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw new SQLException("plan rolled back, nothing was changed; failed at: " + oneLine(current) + ": "
                    + e.getMessage(), e.getSQLState(), e);
        } finally {
            resetSession(autoCommit);
        }
    }

    private void rollbackQuietly(SQLException cause) {
        try {
            connection.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    /**
     * Puts the session back as it was. Best effort: the outcome of the plan is already decided
     * (committed or rolled back), and a session that cannot run RESET is broken and will be
     * discarded by whoever owns it.
     */
    private void resetSession(boolean autoCommit) {
        try (Statement st = connection.createStatement()) {
            connection.setAutoCommit(autoCommit);
            st.execute("RESET lock_timeout; RESET check_function_bodies; RESET search_path");
        } catch (SQLException ignored) {
            // see above: nothing useful to report beyond the plan's own result
        }
    }

    /** The statement in one line, shortened: enough to find it in the script. */
    static String oneLine(String sql) {
        if (sql == null) {
            return "(start)";
        }
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 197) + "..." : flat;
    }
}
