package dev.driftd.http;

import dev.driftd.daemon.DaemonCore;
import dev.driftd.daemon.DaemonReconcileSource;
import dev.driftd.engine.Engine;
import dev.driftd.reconcile.AuditLog;
import dev.driftd.reconcile.PlanService;
import dev.driftd.reconcile.PlanStore;

/** Builds the plan service over a started core: its tables in the core's store, the core's fleets. */
final class ReconcileWiring {
    private ReconcileWiring() {
    }

    static PlanService planService(DaemonCore core) {
        PlanStore plans = new PlanStore(core.store());
        return new PlanService(new DaemonReconcileSource(core), plans, new AuditLog(core.store(), plans), new Engine());
    }
}
