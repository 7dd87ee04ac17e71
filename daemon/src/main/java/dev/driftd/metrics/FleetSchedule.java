package dev.driftd.metrics;

import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;

/**
 * When a fleet's schedule fires next and how far apart its firings are, for
 * {@code driftd_fleet_schedule_next_timestamp_seconds} and {@code driftd_fleet_schedule_period_seconds}.
 * Read from the schedule's cron expression in the JVM's time zone, as Quartz's trigger reads it, and not
 * from the scheduler: the answer is then the same on every node of a cluster (so
 * {@code max without (instance)} is exact) and costs no store query per scrape.
 */
final class FleetSchedule {
    private final String expression;
    /** Null when the schedule does not parse (the daemon refuses such a fleet at load). */
    private final dev.driftd.config.FleetSchedule schedule;
    /** The Quartz cron that runs a cron schedule; null for a fixed period or an unparsable one. */
    private final CronExpression cron;

    private FleetSchedule(String expression, dev.driftd.config.FleetSchedule schedule, CronExpression cron) {
        this.expression = expression;
        this.schedule = schedule;
        this.cron = cron;
    }

    /**
     * The schedule as the configuration writes it ({@code every 5m}, Unix or Quartz cron), read by the
     * same parser the scheduler uses; one that does not parse gives NaN for both values.
     */
    static FleetSchedule of(String expression) {
        dev.driftd.config.FleetSchedule schedule = null;
        CronExpression cron = null;
        if (expression != null) {
            try {
                schedule = dev.driftd.config.FleetSchedule.parse(expression);
                if (schedule.quartzCron() != null) {
                    cron = new CronExpression(schedule.quartzCron());
                }
            } catch (IllegalArgumentException | ParseException e) {
                schedule = null; // "unknown" here; the loader names the error
            }
        }
        return new FleetSchedule(expression, schedule, cron);
    }

    /** False when the schedule does not parse: both values are then NaN. */
    boolean known() {
        return schedule != null;
    }

    boolean is(String other) {
        return expression == null ? other == null : expression.equals(other);
    }

    /** Unix seconds of the first firing after {@code now}; NaN when there is none (a cron in the past). */
    double nextTimestampSeconds(Instant now) {
        if (schedule != null && schedule.period() != null) {
            // a period fires on the multiples of itself since the epoch (config.FleetSchedule#start)
            return schedule.start(now).getTime() / 1000.0;
        }
        Date next = cron == null ? null : cron.getNextValidTimeAfter(Date.from(now));
        return next == null ? Double.NaN : next.getTime() / 1000.0;
    }

    /**
     * Seconds between the next firing after {@code now} and the one after it. For an irregular cron
     * ("at 02:00 and 03:00") it is the gap that comes next, which is the one an alert must wait for.
     */
    double periodSeconds(Instant now) {
        if (schedule != null && schedule.period() != null) {
            return schedule.period().toMillis() / 1000.0;
        }
        Date next = cron == null ? null : cron.getNextValidTimeAfter(Date.from(now));
        Date after = next == null ? null : cron.getNextValidTimeAfter(next);
        return after == null ? Double.NaN : (after.getTime() - next.getTime()) / 1000.0;
    }
}
