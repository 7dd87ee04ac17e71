package dev.driftd.dialect.postgres;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.VerifiedApply;
import dev.driftd.plan.Hazard;
import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.schema.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Applies a PostgreSQL plan in one transaction and re-reads the catalog INSIDE that transaction
 * before COMMIT: the result is committed only when {@code verdict} accepts the snapshot the
 * uncommitted DDL produced, so a plan that does not reach golden leaves the target untouched.
 * Lock and statement timeouts are SET LOCAL, so they end with the transaction.
 */
final class PostgresVerifiedApply implements VerifiedApply {
    static final PostgresVerifiedApply INSTANCE = new PostgresVerifiedApply();

    private PostgresVerifiedApply() {
    }

    @Override
    public Outcome apply(Connection connection, Plan plan, boolean allowDestructive, String schema,
                         Duration lockTimeout, Duration statementTimeout, InspectOptions options,
                         Function<Snapshot, String> precheck, Function<Snapshot, String> verdict) throws SQLException {
        List<PlanStatement> runnable = plan.runnable(allowDestructive);
        for (PlanStatement s : runnable) {
            if (s.hazards().contains(Hazard.NOT_TRANSACTIONAL)) {
                throw new SQLException("the plan holds a statement that cannot run in a transaction: " + s.sql());
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        String current = "(start)";
        try (Statement st = connection.createStatement()) {
            for (String p : plan.preamble()) {
                current = p;
                st.execute(p);
            }
            // after the preamble, whose session-level lock_timeout these override for this transaction only
            current = "SET LOCAL lock_timeout";
            st.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
            current = "SET LOCAL statement_timeout";
            st.execute("SET LOCAL statement_timeout = '" + statementTimeout.toMillis() + "ms'");
            // checked in the same transaction that changes it: nothing can slip in between
            current = "re-reading the target";
            PostgresInspector inspector = new PostgresInspector(connection, options);
            Snapshot before = inspector.inspectInOpenTransaction(schema);
            String moved = precheck.apply(before);
            if (moved != null) {
                connection.rollback();
                return new Outcome(false, true, before, null, moved);
            }
            for (PlanStatement s : runnable) {
                current = s.sql();
                st.execute(s.sql());
            }
            current = "verification";
            Snapshot after = inspector.inspectInOpenTransaction(schema);
            String differs = verdict.apply(after);
            if (differs != null) {
                connection.rollback();
                return new Outcome(false, false, before, after, "rolled back: after the plan the schema still differs from golden: "
                        + differs);
            }
            current = "COMMIT";
            connection.commit();
            return new Outcome(true, false, before, after, "committed");
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            return new Outcome(false, false, null, null, "rolled back, nothing was changed; failed at: "
                    + PostgresApplier.oneLine(current) + ": " + firstLine(e.getMessage()));
        } finally {
            try (Statement st = connection.createStatement()) {
                connection.setAutoCommit(autoCommit);
                st.execute("RESET lock_timeout; RESET check_function_bodies; RESET search_path");
            } catch (SQLException ignored) {
                // the outcome is decided; a broken session is discarded by its owner
            }
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }
}
