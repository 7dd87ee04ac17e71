package dev.driftd.dialect.postgres;

import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Diff;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Snapshot;

/** Writes Postgres reconciliation DDL for a diff. (Being built.) */
final class PostgresPlanner {
    private final Snapshot golden;
    private final Snapshot target;
    private final PlanOptions options;

    PostgresPlanner(Snapshot golden, Snapshot target, PlanOptions options) {
        this.golden = golden;
        this.target = target;
        this.options = options;
    }

    Plan plan(Diff diff) {
        throw new IllegalStateException("the postgres planner is being built (" + golden + target + options + diff + ")");
    }
}
