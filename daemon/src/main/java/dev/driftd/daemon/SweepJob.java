package dev.driftd.daemon;

import dev.driftd.cluster.SweepGuard;
import dev.driftd.fleet.Shard;
import dev.driftd.sweep.FleetRunner;
import dev.driftd.util.SqlErrors;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

import java.util.function.Function;

/**
 * The Quartz job of one fleet, or of one shard of a sharded fleet: runs its sweep. The job data
 * holds only the fleet's name and the shard's index (strings), so the same job works from a JDBC
 * job store; the runner is looked up when it fires. Never two at once for a shard (a whole fleet
 * is one shard), whether fired by cron or by {@code sweepNow}, on one node or across a cluster;
 * different shards of a fleet do run at once.
 */
@DisallowConcurrentExecution
public final class SweepJob implements Job {
    static final String FLEET = "fleet";
    /** The shard's index; absent in the jobs of versions before sharding, which are shard 0. */
    static final String SHARD = "shard";

    private final Function<String, FleetRunner> runners;
    private final SweepGuard guard;

    SweepJob(Function<String, FleetRunner> runners, SweepGuard guard) {
        this.runners = runners;
        this.guard = guard;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String fleet = context.getMergedJobDataMap().getString(FLEET);
        String shardData = context.getMergedJobDataMap().getString(SHARD);
        int shard = shardData == null ? 0 : Integer.parseInt(shardData);
        FleetRunner runner = runners.apply(fleet);
        if (runner == null || shard >= runner.config().shards()) {
            return; // removed, or resharded, by a reload between firing and running
        }
        try {
            guard.run(fleet, new Shard(shard, runner.config().shards()), () -> runner.runSweep(shard));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            throw new JobExecutionException("fleet " + fleet + ": " + SqlErrors.oneLine(e), e, false);
        }
    }
}
