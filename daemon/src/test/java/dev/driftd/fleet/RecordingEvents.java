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

    @Override
    public synchronized void snapshotTaken(String fleet, String member, Duration took) {
        taken.add(fleet + "/" + member);
    }

    @Override
    public synchronized void snapshotFailed(String fleet, String member, String reason, Duration took) {
        failed.add(fleet + "/" + member + ":" + reason);
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

    public synchronized void clear() {
        taken.clear();
        failed.clear();
        sweeps.clear();
        removed.clear();
    }
}
