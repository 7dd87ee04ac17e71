package dev.driftd.daemon;

import dev.driftd.cluster.ClusterMode;
import dev.driftd.engine.Engine;
import dev.driftd.reconcile.AuditLog;
import dev.driftd.reconcile.PlanService;
import dev.driftd.reconcile.PlanStore;
import dev.driftd.reconcile.RolloutService;

/** Builds the plan and rollout services over a started core: their tables in the core's store, the core's fleets. */
final class ReconcileWiring {
    final PlanService plans;
    final RolloutService rollouts;

    ReconcileWiring(DaemonCore core) {
        PlanStore store = new PlanStore(core.store());
        AuditLog audit = new AuditLog(store);
        DaemonReconcileSource source = new DaemonReconcileSource(core);
        Engine engine = new Engine();
        plans = new PlanService(source, store, audit, engine);
        // without a shared (PostgreSQL) store this daemon is the only one: orphans are found at restart
        rollouts = new RolloutService(source, store, audit, engine,
                !ClusterMode.clustered(core.config().store()));
    }
}
