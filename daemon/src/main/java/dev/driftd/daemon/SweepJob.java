package dev.driftd.daemon;

import dev.driftd.engine.SqlErrors;
import dev.driftd.sweep.FleetRunner;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

import java.util.function.Function;

/**
 * The Quartz job of one fleet: runs its sweep. The job data holds only the fleet's name (a
 * string), so the same job works from a JDBC job store; the runner is looked up when it fires.
 * Never two at once for a fleet, whether fired by cron or by {@code sweepNow}.
 */
@DisallowConcurrentExecution
public final class SweepJob implements Job {
    static final String FLEET = "fleet";

    private final Function<String, FleetRunner> runners;

    SweepJob(Function<String, FleetRunner> runners) {
        this.runners = runners;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String fleet = context.getMergedJobDataMap().getString(FLEET);
        FleetRunner runner = runners.apply(fleet);
        if (runner == null) {
            return; // removed by a reload between firing and running
        }
        try {
            runner.runSweep();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            throw new JobExecutionException("fleet " + fleet + ": " + SqlErrors.oneLine(e), e, false);
        }
    }
}
