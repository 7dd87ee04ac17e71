package dev.driftd.sweep;

import dev.driftd.fleet.FleetMember;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.SweepResult;
import dev.driftd.schema.Snapshot;

import java.util.List;
import java.util.Map;

/**
 * What one sweep leaves behind: the result, the fleet's new status, the members it knew (the next
 * sweep's baseline for removals), the golden it compared against, and the snapshots current
 * members and golden have, by fingerprint (one object per distinct schema, however many members
 * share it).
 */
public record SweepOutcome(SweepResult result, FleetStatus status, Map<String, FleetMember> members, Snapshot golden,
                           Map<String, Snapshot> snapshots, List<String> removed) {
    public SweepOutcome {
        members = Map.copyOf(members);
        snapshots = Map.copyOf(snapshots);
        removed = List.copyOf(removed);
    }
}
