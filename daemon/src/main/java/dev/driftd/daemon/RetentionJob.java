package dev.driftd.daemon;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Hourly: deletes store rows older than the configured retention. */
@DisallowConcurrentExecution
public final class RetentionJob implements Job {
    private final Runnable task;

    RetentionJob(Runnable task) {
        this.task = task;
    }

    @Override
    public void execute(JobExecutionContext context) {
        task.run();
    }
}
