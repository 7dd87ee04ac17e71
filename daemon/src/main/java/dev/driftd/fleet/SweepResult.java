package dev.driftd.fleet;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one pass over a fleet, or over one shard of it. {@code reused}: members whose
 * catalogs had not changed since their last full read (same catalog marker), so their snapshot was
 * not read again.
 */
public record SweepResult(String fleet, Instant started, Instant finished, int members, int inSync, int drifted,
                          int unreachable, String goldenError, int reused) {

    /**
     * The sweeps of every shard of a fleet as one: members and states added up (each member is in
     * exactly one shard), from the earliest start to the latest end, the first golden error.
     */
    public static SweepResult combine(String fleet, List<SweepResult> shards) {
        if (shards.size() == 1) {
            return shards.get(0);
        }
        Instant started = null;
        Instant finished = null;
        int members = 0;
        int inSync = 0;
        int drifted = 0;
        int unreachable = 0;
        String goldenError = null;
        int reused = 0;
        for (SweepResult r : shards) {
            started = started == null || (r.started() != null && r.started().isBefore(started)) ? r.started() : started;
            finished = finished == null || (r.finished() != null && r.finished().isAfter(finished)) ? r.finished()
                    : finished;
            members += r.members();
            inSync += r.inSync();
            drifted += r.drifted();
            unreachable += r.unreachable();
            reused += r.reused();
            goldenError = goldenError != null ? goldenError : r.goldenError();
        }
        return new SweepResult(fleet, started, finished, members, inSync, drifted, unreachable, goldenError, reused);
    }
}
