package dev.driftd.config;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three schedule forms: each parsed by its own library, and the Unix form runs when Unix cron would. */
class FleetScheduleTest {
    private static final ZonedDateTime FROM = ZonedDateTime.of(2026, 12, 6, 15, 4, 13, 0, ZoneOffset.UTC);

    /**
     * For each expression, the first 200 slots the mapped Quartz expression fires at are the ones
     * cron-utils computes for the Unix expression itself (which is how Vixie cron reads it).
     */
    @Test
    void unixCronFiresWhenUnixCronWould() throws ParseException {
        CronParser unix = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
        for (String expression : List.of("*/5 * * * *", "0 9 * * 1-5", "30 2 1 * *", "15,45 */2 * * 0",
                "0 0 * * 7", "0 12 * 3-4 *", "5 4 * * sun", "0 22 * * MON-FRI")) {
            FleetSchedule s = FleetSchedule.parse(expression);
            assertThat(s.text()).isEqualTo(expression);
            assertThat(s.period()).isNull();
            CronExpression quartz = new CronExpression(s.quartzCron());
            quartz.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
            ExecutionTime reference = ExecutionTime.forCron(unix.parse(expression));
            ZonedDateTime a = FROM;
            Date b = Date.from(FROM.toInstant());
            for (int i = 0; i < 200; i++) {
                a = reference.nextExecution(a).orElseThrow();
                b = quartz.getNextValidTimeAfter(b);
                assertThat(b.toInstant()).as("slot %d of '%s' (Quartz '%s')", i, expression, s.quartzCron())
                        .isEqualTo(a.toInstant());
            }
        }
    }

    @Test
    void unixDayOfWeekOneIsMonday() throws ParseException {
        CronExpression quartz = new CronExpression(FleetSchedule.parse("0 9 * * 1").quartzCron());
        quartz.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        Instant next = quartz.getNextValidTimeAfter(Date.from(FROM.toInstant())).toInstant();
        assertThat(next.atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(next.atZone(ZoneOffset.UTC).getHour()).isEqualTo(9);
    }

    @Test
    void quartzCronIsKeptAsWritten() {
        FleetSchedule s = FleetSchedule.parse("0 */5 * * * ?");
        assertThat(s.quartzCron()).isEqualTo("0 */5 * * * ?");
        assertThat(FleetSchedule.parse("0 0 0 1 1 ? 2099").quartzCron()).isEqualTo("0 0 0 1 1 ? 2099");
    }

    @Test
    void everyIsAPeriodAlignedToTheEpoch() {
        FleetSchedule s = FleetSchedule.parse("every 90m");
        assertThat(s.period()).isEqualTo(Duration.ofMinutes(90));
        assertThat(s.text()).isEqualTo("every 1h30m");
        assertThat(s.quartzCron()).isNull();
        assertThat(FleetSchedule.every(Duration.ofDays(1)).text()).isEqualTo("every 1d");
        // two nodes scheduling it a few seconds apart agree on the first slot, a multiple of the period
        Date one = FleetSchedule.parse("every 5m").start(FROM.toInstant());
        Date two = FleetSchedule.parse("every 5m").start(FROM.toInstant().plusSeconds(7));
        assertThat(one).isEqualTo(two);
        assertThat(one.toInstant()).isEqualTo(FROM.withMinute(5).withSecond(0).toInstant());
    }

    @Test
    void mistakesSayWhatIsWrong() {
        assertThatThrownBy(() -> FleetSchedule.parse("61 * * * *")).hasMessageContaining("not a Unix cron expression");
        assertThatThrownBy(() -> FleetSchedule.parse("0 0 1 * 1")).hasMessageContaining("both day-of-month and day-of-week");
        assertThatThrownBy(() -> FleetSchedule.parse("0 61 * * * ?")).hasMessageContaining("not a Quartz cron expression");
        assertThatThrownBy(() -> FleetSchedule.parse("* * *")).hasMessageContaining("has 3 fields");
        assertThatThrownBy(() -> FleetSchedule.parse("every 0s")).hasMessageContaining("at least 1s");
        assertThatThrownBy(() -> FleetSchedule.parse("every soon")).hasMessageContaining("not a duration");
    }
}
