package dev.driftd.reconcile;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.Dialect;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.plan.Plan;
import dev.driftd.plan.PlanStatement;
import dev.driftd.util.SqlErrors;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs a plan whose dialect has no verified apply ({@link dev.driftd.dialect.Dialect#verifiedApply()}:
 * the MySQL family) statement by statement on an autocommit connection, starting at {@code from} and
 * stopping at the first failure. DDL commits implicitly there, so every statement
 * that ran stays done: the listener hears of each one before the next starts, so the caller can
 * record progress (a plan's resume point) and audit it.
 */
final class StepwiseRun {
    /** Told of every statement tried: {@code failure} is null when it ran. */
    interface Listener {
        void ran(int index, int total, String sql, String failure);
    }

    /** {@code next}: the first statement that did not run; {@code failure}: why it stopped, null when all ran. */
    record Stop(int next, String failure) {
    }

    private StepwiseRun() {
    }

    static Stop run(Engine engine, DbTarget target, Plan plan, int from, InspectOptions options, Listener listener) {
        Dialect dialect = engine.dialectFor(target.url());
        List<PlanStatement> runnable = plan.runnable(true);
        int next = from;
        try (Connection c = dialect.connect(target, options, false); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            for (String pre : plan.preamble()) {
                st.execute(pre);
            }
            for (; next < runnable.size(); next++) {
                String sql = runnable.get(next).sql();
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    String failure = "statement " + (next + 1) + " of " + runnable.size() + " failed: "
                            + SqlErrors.oneLine(e);
                    listener.ran(next, runnable.size(), sql, failure);
                    return new Stop(next, failure);
                }
                listener.ran(next, runnable.size(), sql, null);
            }
            return new Stop(next, null);
        } catch (SQLException e) {
            return new Stop(next, "cannot run the plan on " + target + ": " + SqlErrors.oneLine(e));
        }
    }
}
