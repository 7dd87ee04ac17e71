package dev.driftd.daemon;

import dev.driftd.config.FleetConfig;
import dev.driftd.dialect.DbTarget;
import dev.driftd.fleet.FleetMember;
import dev.driftd.reconcile.ReconcileSource;
import dev.driftd.schema.Snapshot;
import dev.driftd.sweep.FleetRunner;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plans' and rollouts' view of the running fleets: config, golden, member targets and variants as the last sweep left them. */
public final class DaemonReconcileSource implements ReconcileSource {
    private final DaemonCore core;

    public DaemonReconcileSource(DaemonCore core) {
        this.core = core;
    }

    private Optional<FleetRunner> runner(String fleet) {
        DaemonFleetService s = (DaemonFleetService) core.fleetService();
        return s == null ? Optional.empty() : Optional.ofNullable(s.runner(fleet));
    }

    @Override
    public Optional<FleetConfig> config(String fleet) {
        return runner(fleet).map(FleetRunner::config);
    }

    @Override
    public Optional<Snapshot> golden(String fleet) {
        return runner(fleet).map(FleetRunner::golden);
    }

    @Override
    public Optional<Snapshot> expected(String fleet, String member) {
        try {
            return runner(fleet).flatMap(r -> r.expected(member));
        } catch (IllegalStateException e) {
            // an overlay that cannot be built: no plan can be made for the member now
            throw new dev.driftd.reconcile.ReconcileException(dev.driftd.reconcile.ReconcileException.Kind.CONFLICT,
                    "no expected schema", e.getMessage());
        }
    }

    @Override
    public Optional<DbTarget> target(String fleet, String member) {
        return runner(fleet).flatMap(r -> r.member(member)).map(FleetMember::target);
    }

    @Override
    public Map<String, List<String>> variants(String fleet) {
        return runner(fleet).map(r -> r.status().variants()).orElse(Map.of());
    }

    @Override
    public Optional<Snapshot> snapshot(String fleet, String fingerprint) {
        return runner(fleet).flatMap(r -> r.snapshot(fingerprint));
    }
}
