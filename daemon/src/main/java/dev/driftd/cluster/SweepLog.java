package dev.driftd.cluster;

import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, on the node that runs it, when each fleet's sweep starts and ends, with the node id and
 * epoch milliseconds in the message itself (whatever the log layout), so an operator (and the
 * cluster test) can check that no fleet was ever swept by two nodes at once. Quartz creates it
 * from the scheduler properties ({@code org.quartz.jobListener.sweepLog.class}).
 */
public final class SweepLog implements JobListener {
    private static final Logger LOG = LoggerFactory.getLogger(SweepLog.class);
    private static final String SWEEP_GROUP = "driftd-sweep";

    private String name = "sweepLog";

    @Override
    public String getName() {
        return name;
    }

    /** Quartz sets the listener's name from the property key. */
    public void setName(String name) {
        this.name = name;
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
        if (isSweep(context)) {
            LOG.info("cluster: sweep start fleet={} node={} at={}", context.getJobDetail().getKey().getName(),
                    node(context), System.currentTimeMillis());
        }
    }

    @Override
    public void jobExecutionVetoed(JobExecutionContext context) {
        // driftd vetoes nothing
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        if (isSweep(context)) {
            LOG.info("cluster: sweep end fleet={} node={} at={}{}", context.getJobDetail().getKey().getName(),
                    node(context), System.currentTimeMillis(), failure == null ? "" : " failed=" + failure.getMessage());
        }
    }

    private static boolean isSweep(JobExecutionContext context) {
        return SWEEP_GROUP.equals(context.getJobDetail().getKey().getGroup());
    }

    private static String node(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "?";
        }
    }
}
