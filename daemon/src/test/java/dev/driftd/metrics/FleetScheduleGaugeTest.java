package dev.driftd.metrics;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule gauges read every schedule form the configuration accepts, as the scheduler runs it. */
class FleetScheduleGaugeTest {
    private static final Instant NOW = Instant.parse("2026-12-06T15:07:30Z");

    @Test
    void aPeriodFiresOnItsMultiplesSinceTheEpoch() {
        FleetSchedule s = FleetSchedule.of("every 5m");
        assertThat(s.known()).isTrue();
        assertThat(s.periodSeconds(NOW)).isEqualTo(300.0);
        assertThat(s.nextTimestampSeconds(NOW)).isEqualTo(Instant.parse("2026-12-06T15:10:00Z").getEpochSecond());
    }

    @Test
    void unixAndQuartzCronGiveTheSameGauges() {
        FleetSchedule unix = FleetSchedule.of("*/15 * * * *");
        FleetSchedule quartz = FleetSchedule.of("0 */15 * * * ?");
        assertThat(unix.known()).isTrue();
        assertThat(unix.periodSeconds(NOW)).isEqualTo(900.0).isEqualTo(quartz.periodSeconds(NOW));
        assertThat(unix.nextTimestampSeconds(NOW)).isEqualTo(quartz.nextTimestampSeconds(NOW));
    }

    @Test
    void anUnparsableScheduleIsUnknownAndReadsNaN() {
        FleetSchedule s = FleetSchedule.of("every now and then");
        assertThat(s.known()).isFalse();
        assertThat(s.periodSeconds(NOW)).isNaN();
        assertThat(s.nextTimestampSeconds(NOW)).isNaN();
    }
}
