package dev.driftd.reconcile;

import dev.driftd.config.FleetConfig;
import dev.driftd.dialect.DbTarget;
import dev.driftd.schema.Snapshot;

import java.util.Optional;

/** What plans need from the running daemon: a fleet's config, its current golden, a member's connection target. */
public interface ReconcileSource {
    Optional<FleetConfig> config(String fleet);

    /** The golden the last sweep resolved; empty when none yet. */
    Optional<Snapshot> golden(String fleet);

    Optional<DbTarget> target(String fleet, String member);
}
