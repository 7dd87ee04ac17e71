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
    private final CronExpression cron;

    private FleetSchedule(String expression, CronExpression cron) {
        this.expression = expression;
        this.cron = cron;
    }

    /** The schedule of a cron expression; one that Quartz does not parse gives NaN for both values. */
    static FleetSchedule of(String expression) {
        CronExpression cron = null;
        if (expression != null) {
            try {
                cron = new CronExpression(expression);
            } catch (ParseException e) {
                // the daemon refuses such a fleet at load; here it only means "unknown"
            }
        }
        return new FleetSchedule(expression, cron);
    }

    /** False when the expression was not a cron Quartz reads: both values are then NaN. */
    boolean known() {
        return cron != null;
    }

    boolean is(String other) {
        return expression == null ? other == null : expression.equals(other);
    }

    /** Unix seconds of the first firing after {@code now}; NaN when there is none (a cron in the past). */
    double nextTimestampSeconds(Instant now) {
        Date next = cron == null ? null : cron.getNextValidTimeAfter(Date.from(now));
        return next == null ? Double.NaN : next.getTime() / 1000.0;
    }

    /**
     * Seconds between the next firing after {@code now} and the one after it. For an irregular cron
     * ("at 02:00 and 03:00") it is the gap that comes next, which is the one an alert must wait for.
     */
    double periodSeconds(Instant now) {
        Date next = cron == null ? null : cron.getNextValidTimeAfter(Date.from(now));
        Date after = next == null ? null : cron.getNextValidTimeAfter(next);
        return after == null ? Double.NaN : (after.getTime() - next.getTime()) / 1000.0;
    }
}
