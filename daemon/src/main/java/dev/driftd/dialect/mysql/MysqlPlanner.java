package dev.driftd.dialect.mysql;

import dev.driftd.dialect.PlanOptions;
import dev.driftd.diff.Diff;
import dev.driftd.plan.Plan;
import dev.driftd.schema.Snapshot;

/** Writes Mysql reconciliation DDL for a diff. (Being built.) */
final class MysqlPlanner {
    private final Snapshot golden;
    private final Snapshot target;
    private final PlanOptions options;

    MysqlPlanner(Snapshot golden, Snapshot target, PlanOptions options) {
        this.golden = golden;
        this.target = target;
        this.options = options;
    }

    Plan plan(Diff diff) {
        throw new IllegalStateException("the mysql planner is being built (" + golden + target + options + diff + ")");
    }
}
