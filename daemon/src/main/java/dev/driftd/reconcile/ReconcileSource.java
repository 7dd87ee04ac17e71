package dev.driftd.reconcile;

import dev.driftd.config.FleetConfig;
import dev.driftd.dialect.DbTarget;
import dev.driftd.schema.Snapshot;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What plans and rollouts need from the running daemon: a fleet's config, its current golden, a
 * member's connection target, and the fleet's variants as the last sweep saw them.
 */
public interface ReconcileSource {
    Optional<FleetConfig> config(String fleet);

    /** The golden the last sweep resolved; empty when none yet. */
    Optional<Snapshot> golden(String fleet);

    /**
     * What {@code member} is expected to look like: golden, or golden plus the fleet's overlays it
     * matches. Plans, verified applies and rollouts for the member use this, so they never drop an
     * overlay object. Empty when there is no golden yet.
     */
    default Optional<Snapshot> expected(String fleet, String member) {
        return golden(fleet);
    }

    Optional<DbTarget> target(String fleet, String member);

    /** Reachable members grouped by fingerprint as of the last sweep (empty for an unknown fleet). */
    Map<String, List<String>> variants(String fleet);

    /** A snapshot of the fleet with this fingerprint (the last sweep's, else the store's); empty when gone. */
    Optional<Snapshot> snapshot(String fleet, String fingerprint);
}
