package dev.driftd.daemon;

import dev.driftd.cluster.SweepGuard;
import dev.driftd.config.FleetConfig;
import dev.driftd.config.FleetSchedule;
import dev.driftd.fleet.Shard;
import dev.driftd.sweep.FleetRunner;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.spi.JobFactory;

import java.time.Instant;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Quartz, set up for driftd: one durable job per fleet with a cron trigger (one per shard for a
 * fleet with {@code shards: N}: {@code <fleet>#0 … <fleet>#N-1}, all on the fleet's cron), plus an
 * hourly retention job. A single daemon keeps its jobs in RAMJobStore; with a PostgreSQL store,
 * dev.driftd.cluster.ClusterMode swaps in Quartz's clustered JDBC job store over these same
 * properties. A trigger that misfired (the daemon was paused or busy)
 * fires once when it can, not once per missed slot.
 */
public final class SweepScheduler implements AutoCloseable {
    static final String GROUP = "driftd-sweep";
    private static final JobKey RETENTION = JobKey.jobKey("retention", "driftd-maintenance");

    private final Scheduler scheduler;

    public SweepScheduler(String instanceName, int threads, Function<String, FleetRunner> runners, Runnable retention) {
        this(properties(instanceName, threads), runners, SweepGuard.NONE, retention);
    }

    /**
     * A scheduler with other Quartz settings, e.g. a clustered JDBC job store (dev.driftd.cluster.ClusterMode),
     * whose sweeps run inside {@code guard} (dev.driftd.cluster.SweepLock).
     */
    public SweepScheduler(Properties quartz, Function<String, FleetRunner> runners, SweepGuard guard,
                          Runnable retention) {
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(quartz);
            scheduler = factory.getScheduler();
            JobFactory jobs = (bundle, s) -> {
                Class<?> type = bundle.getJobDetail().getJobClass();
                if (type == SweepJob.class) {
                    return new SweepJob(runners, guard);
                }
                if (type == RetentionJob.class) {
                    return new RetentionJob(retention);
                }
                throw new SchedulerException("driftd does not run jobs of " + type.getName());
            };
            scheduler.setJobFactory(jobs);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the scheduler: " + e.getMessage(), e);
        }
    }

    static Properties properties(String instanceName, int threads) {
        Properties p = new Properties();
        // instance names are per JVM in Quartz's repository: each scheduler gets its own
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, instanceName);
        p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, "NON_CLUSTERED");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // how long an idle scheduler sleeps before looking for due triggers (default 30 s)
        p.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "driftd-quartz");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        return p;
    }

    public void start() {
        try {
            scheduler.start();
            JobDetail job = JobBuilder.newJob(RetentionJob.class).withIdentity(RETENTION).storeDurably().build();
            Trigger t = TriggerBuilder.newTrigger().withIdentity("retention", "driftd-maintenance").forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule("0 17 * * * ?")
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            scheduler.scheduleJob(job, Set.of(t), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /**
     * The Quartz job (and trigger) name of a shard: the fleet's name when it has one shard (as
     * before sharding existed), else {@code <fleet>#<index>}. Fleet names cannot contain '#'.
     */
    static String jobName(String fleet, Shard shard) {
        return shard.whole() ? fleet : fleet + "#" + shard.index();
    }

    /** Whether a job of the sweep group belongs to {@code fleet} (any shard count). */
    private static boolean ofFleet(String jobName, String fleet) {
        return jobName.equals(fleet) || jobName.startsWith(fleet + "#");
    }

    /**
     * Creates or replaces the jobs and cron triggers of the fleet's shards, and deletes those of a
     * shard count it no longer has (the jobs of a JDBC job store outlive a reload or a restart).
     */
    public void schedule(FleetConfig fleet) {
        Set<String> wanted = new HashSet<>();
        try {
            for (int i = 0; i < fleet.shards(); i++) {
                Shard shard = new Shard(i, fleet.shards());
                String name = jobName(fleet.name(), shard);
                wanted.add(name);
                JobDetail job = JobBuilder.newJob(SweepJob.class).withIdentity(name, GROUP)
                        .usingJobData(SweepJob.FLEET, fleet.name())
                        .usingJobData(SweepJob.SHARD, Integer.toString(i)).storeDurably().build();
                FleetSchedule when = FleetSchedule.parse(fleet.schedule());
                Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name, GROUP).forJob(job)
                        .startAt(when.start(Instant.now())).withSchedule(when.quartzSchedule()).build();
                scheduler.scheduleJob(job, Set.of(trigger), true);
            }
            deleteJobs(fleet.name(), wanted);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule fleet " + fleet.name() + ": " + e.getMessage(), e);
        }
    }

    public void unschedule(String fleet) {
        try {
            deleteJobs(fleet, Set.of());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot unschedule fleet " + fleet + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the fleet's sweep jobs (and their triggers) except those named in {@code keep}. */
    private void deleteJobs(String fleet, Set<String> keep) throws SchedulerException {
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (ofFleet(key.getName(), fleet) && !keep.contains(key.getName())) {
                scheduler.deleteJob(key);
            }
        }
    }

    /** The names of the sweep jobs scheduled now, one per shard of each fleet. */
    public Set<String> sweepJobs() {
        try {
            Set<String> out = new TreeSet<>();
            scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)).forEach(k -> out.add(k.getName()));
            return out;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot list the sweep jobs: " + e.getMessage(), e);
        }
    }

    /** Fires the job of one shard of the fleet now (it still never overlaps a running sweep of that shard). */
    public void trigger(String fleet, Shard shard) {
        try {
            if (!running()) {
                throw new IllegalStateException("the scheduler is not running");
            }
            scheduler.triggerJob(JobKey.jobKey(jobName(fleet, shard), GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start a sweep of " + fleet
                    + (shard.whole() ? "" : " shard " + shard) + ": " + e.getMessage(), e);
        }
    }

    /**
     * One-off sweeps of the fleet asked for through {@link #trigger} that have not completed: waiting
     * to fire or running (Quartz keeps a fired one-shot trigger until its job completes). Zero means
     * no sweep asked for is still to come; lets a test wait for that instead of sleeping.
     */
    public int pendingTriggered(String fleet) {
        try {
            int n = 0;
            for (JobKey job : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (ofFleet(job.getName(), fleet)) {
                    for (Trigger t : scheduler.getTriggersOfJob(job)) {
                        // the cron trigger is named after its job; triggerJob's get generated names
                        n += t.getKey().equals(TriggerKey.triggerKey(job.getName(), GROUP)) ? 0 : 1;
                    }
                }
            }
            return n;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot list the sweeps of " + fleet + ": " + e.getMessage(), e);
        }
    }

    /** The next time the cron of the fleet (its first shard) fires, or null. */
    public java.util.Date nextFire(String fleet) {
        try {
            Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(fleet, GROUP));
            if (t == null) {
                t = scheduler.getTrigger(TriggerKey.triggerKey(fleet + "#0", GROUP));
            }
            return t == null ? null : t.getNextFireTime();
        } catch (SchedulerException e) {
            return null;
        }
    }

    public boolean running() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Stops firing, waits for running sweeps to finish. */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot stop the scheduler: " + e.getMessage(), e);
        }
    }
}
