package dev.driftd.config;

import com.cronutils.mapper.CronMapper;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.field.expression.Always;
import com.cronutils.model.field.expression.QuestionMark;
import com.cronutils.parser.CronParser;
import dev.driftd.util.Durations;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.ScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

/**
 * When a fleet is swept, in one of three forms, each read by a real parser and never by hand:
 * <ul>
 *   <li>{@code every 5m} (written {@code schedule: {every: 5m}}): a fixed period, aligned to the
 *       epoch so that every node of a cluster and every restart agree on the slots;</li>
 *   <li>five-field Unix cron ({@code 0,30 9-17 * * 1-5}), parsed by cron-utils and mapped by it to the
 *       equivalent Quartz expression;</li>
 *   <li>Quartz cron (six or seven fields, seconds first, {@code ?} for "no specific value"),
 *       parsed by Quartz itself.</li>
 * </ul>
 * {@link #text()} is what the user wrote (shown by the API); {@link #quartzCron()} is what runs.
 */
public final class FleetSchedule {
    /** The prefix of the period form in {@link #text()}: {@code every 5m}. */
    public static final String EVERY = "every ";
    /** Shorter periods are a typo: a sweep reads every member's catalog. */
    public static final Duration MIN_PERIOD = Duration.ofSeconds(1);

    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String text;
    private final String quartzCron;
    private final Duration period;

    private FleetSchedule(String text, String quartzCron, Duration period) {
        this.text = text;
        this.quartzCron = quartzCron;
        this.period = period;
    }

    /**
     * Reads a schedule: {@code every DURATION}, or a cron expression told apart by its field count
     * (five: Unix, six or seven: Quartz). The message of the exception names what is wrong, not where.
     */
    public static FleetSchedule parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.toLowerCase(Locale.ROOT).startsWith(EVERY)) {
            return every(Durations.parse(s.substring(EVERY.length()).strip(), "every"));
        }
        int fields = s.isEmpty() ? 0 : s.split("\\s+").length;
        if (fields == 5) {
            return unix(s);
        }
        if (fields == 6 || fields == 7) {
            try {
                CronExpression.validateExpression(s);
            } catch (ParseException e) {
                throw new IllegalArgumentException("'" + s + "' is not a Quartz cron expression (" + e.getMessage()
                        + "); e.g. \"0 */5 * * * ?\" is every five minutes");
            }
            return new FleetSchedule(s, s, null);
        }
        throw new IllegalArgumentException("'" + s + "' has " + fields + " fields; write five-field Unix cron "
                + "(\"*/5 * * * *\"), six- or seven-field Quartz cron (\"0 */5 * * * ?\") or {every: 5m}");
    }

    /** A fixed period, at least {@link #MIN_PERIOD}. */
    public static FleetSchedule every(Duration period) {
        if (period.compareTo(MIN_PERIOD) < 0) {
            throw new IllegalArgumentException("every: the period must be at least 1s");
        }
        return new FleetSchedule(EVERY + format(period), null, period);
    }

    private static FleetSchedule unix(String s) {
        Cron cron;
        try {
            cron = UNIX.parse(s).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + s + "' is not a Unix cron expression (" + e.getMessage()
                    + "); e.g. \"*/5 * * * *\" is every five minutes");
        }
        // Unix cron fires when EITHER day field matches if both are restricted; Quartz has no such
        // form (one of them must be '?'), so mapping it would silently change the schedule.
        if (restricted(cron, CronFieldName.DAY_OF_MONTH) && restricted(cron, CronFieldName.DAY_OF_WEEK)) {
            throw new IllegalArgumentException("'" + s + "' restricts both day-of-month and day-of-week, which "
                    + "Unix cron reads as either-or; Quartz cannot run that: keep one of them '*'");
        }
        String quartz = CronMapper.fromUnixToQuartz().map(cron).asString();
        try {
            CronExpression.validateExpression(quartz);
        } catch (ParseException e) {
            throw new IllegalArgumentException("'" + s + "' maps to Quartz '" + quartz + "', which Quartz refuses ("
                    + e.getMessage() + ")");
        }
        return new FleetSchedule(s, quartz, null);
    }

    private static boolean restricted(Cron cron, CronFieldName field) {
        var expression = cron.retrieve(field).getExpression();
        return !(expression instanceof Always) && !(expression instanceof QuestionMark);
    }

    /** As written (cron) or {@code every <period>}; what the API and fleet status show. */
    public String text() {
        return text;
    }

    /** The Quartz cron expression that runs it; null for a fixed period. */
    public String quartzCron() {
        return quartzCron;
    }

    /** The fixed period; null for a cron schedule. */
    public Duration period() {
        return period;
    }

    /**
     * The Quartz schedule. A slot missed while the daemon was down or busy fires once, not once per
     * missed slot (cron: fire-and-proceed; period: now, keeping the period).
     */
    public ScheduleBuilder<? extends Trigger> quartzSchedule() {
        if (period != null) {
            return SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(period.toMillis())
                    .repeatForever().withMisfireHandlingInstructionNowWithExistingCount();
        }
        return CronScheduleBuilder.cronSchedule(quartzCron).withMisfireHandlingInstructionFireAndProceed();
    }

    /**
     * When the trigger starts: for a period, the next multiple of it since the epoch, so that two
     * nodes (or a restart) scheduling the same fleet agree on the slots; for cron, now.
     */
    public Date start(Instant now) {
        if (period == null) {
            return Date.from(now);
        }
        long p = period.toMillis();
        long next = Math.floorDiv(now.toEpochMilli(), p) * p + p;
        return new Date(next);
    }

    /** The shortest way to write a period: 90m is 1h30m, 86400s is 1d. */
    static String format(Duration d) {
        StringBuilder b = new StringBuilder();
        long days = d.toDaysPart();
        if (days > 0) {
            b.append(days).append('d');
        }
        append(b, d.toHoursPart(), "h");
        append(b, d.toMinutesPart(), "m");
        append(b, d.toSecondsPart(), "s");
        append(b, d.toMillisPart(), "ms");
        return b.isEmpty() ? "0s" : b.toString();
    }

    private static void append(StringBuilder b, long n, String unit) {
        if (n > 0) {
            b.append(n).append(unit);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FleetSchedule other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
