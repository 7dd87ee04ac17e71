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
 * share it), and golden as resolved before the ignore rules (null when it was not resolved; what
 * {@code diff?all=true} compares to show what the rules hide).
 */
public record SweepOutcome(SweepResult result, FleetStatus status, Map<String, FleetMember> members, Snapshot golden,
                           Map<String, Snapshot> snapshots, List<String> removed, Snapshot rawGolden) {
    public SweepOutcome {
        members = Map.copyOf(members);
        snapshots = Map.copyOf(snapshots);
        removed = List.copyOf(removed);
    }
}
