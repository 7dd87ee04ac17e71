package dev.driftd.dialect;

import dev.driftd.plan.Plan;
import dev.driftd.schema.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Function;

/**
 * An optional ability of a {@link Dialect} (see {@link Dialect#verifiedApply()}): run a plan in one
 * transaction that re-reads the catalog before COMMIT, so a result that is not acceptable is rolled
 * back and the target is either verified or exactly as before. A dialect whose DDL commits
 * implicitly has no such ability; its plans are applied statement by statement and resumed.
 */
public interface VerifiedApply {
    /** What happened: committed, or rolled back with the reason (what still differs, or the failing statement). */
    record Outcome(boolean committed, boolean stale, Snapshot before, Snapshot after, String detail) {
    }

    /**
     * @param schema    the scope to re-read (null: the connection's database)
     * @param precheck  on the snapshot read in the transaction before any statement (under the lock
     *                  timeout): null when it is the one the plan was made from, else why not (nothing runs)
     * @param verdict   on the snapshot after the statements: null when acceptable, else what still differs
     */
    Outcome apply(Connection connection, Plan plan, boolean allowDestructive, String schema,
                  Duration lockTimeout, Duration statementTimeout, InspectOptions options,
                  Function<Snapshot, String> precheck, Function<Snapshot, String> verdict) throws SQLException;
}
