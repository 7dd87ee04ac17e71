package dev.driftd.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** FleetEvents that remember every call, for assertions. */
public final class RecordingEvents implements FleetEvents {
    public final List<String> taken = new ArrayList<>();
    public final List<String> failed = new ArrayList<>();
    public final List<SweepResult> sweeps = new ArrayList<>();
    public final List<String> removed = new ArrayList<>();
    /** {@code fleet:reason} per discovery skip. */
    public final List<String> skipped = new ArrayList<>();
    /** How long each snapshot (taken or failed) took, by member. */
    public final java.util.Map<String, Duration> took = new java.util.HashMap<>();
    /** When each snapshot (taken or failed) was reported, System.nanoTime(), by member: for ordering, not timing. */
    public final java.util.Map<String, Long> endedAt = new java.util.HashMap<>();

    @Override
    public synchronized void snapshotTaken(String fleet, String member, Duration took) {
        taken.add(fleet + "/" + member);
        this.took.put(member, took);
        endedAt.put(member, System.nanoTime());
    }

    @Override
    public synchronized void snapshotFailed(String fleet, String member, String reason, Duration took) {
        failed.add(fleet + "/" + member + ":" + reason);
        this.took.put(member, took);
        endedAt.put(member, System.nanoTime());
    }

    @Override
    public synchronized void sweepFinished(SweepResult result, Duration took) {
        sweeps.add(result);
    }

    @Override
    public synchronized void memberRemoved(String fleet, String member) {
        removed.add(fleet + "/" + member);
    }

    @Override
    public synchronized void ddlReported(String fleet, String member) {
    }

    @Override
    public synchronized void discoverySkipped(String fleet, String reason) {
        skipped.add(fleet + ":" + reason);
    }

    public synchronized void clear() {
        taken.clear();
        failed.clear();
        sweeps.clear();
        removed.clear();
        skipped.clear();
        took.clear();
        endedAt.clear();
    }
}
