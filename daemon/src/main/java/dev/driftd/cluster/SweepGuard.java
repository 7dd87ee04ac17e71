package dev.driftd.cluster;

import dev.driftd.fleet.Shard;

/**
 * What runs around each scheduled sweep of a fleet or of one shard of it: nothing on a single node
 * ({@link #NONE}); a cluster-wide lock and the sweep log on a cluster node ({@link SweepLock}).
 */
@FunctionalInterface
public interface SweepGuard {
    /** Runs {@code sweep} (or, when the guard says so, skips it and says why in the log). */
    void run(String fleet, Shard shard, Sweeper sweep) throws InterruptedException;

    /** One sweep. */
    @FunctionalInterface
    interface Sweeper {
        void run() throws InterruptedException;
    }

    SweepGuard NONE = (fleet, shard, sweep) -> sweep.run();
}
