package dev.driftd.util;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {
    @Test
    void singleUnitsDaysAndCompounds() {
        assertThat(Durations.parse("500ms", "x")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30s", "x")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m", "x")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h", "x")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("90d", "x")).isEqualTo(Duration.ofDays(90));
        assertThat(Durations.parse("1h30m", "x")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("2d12h", "x")).isEqualTo(Duration.ofHours(60));
        assertThat(Durations.parse(" 1m30s500ms ", "x")).isEqualTo(Duration.ofMillis(90_500));
        assertThat(Durations.parse("0s", "x")).isZero();
    }

    @Test
    void mistakesNameTheOptionAndTheText() {
        assertThatThrownBy(() -> Durations.parse("1.5h", "--timeout")).hasMessage(
                "--timeout: '1.5h' is not a duration (units d h m s ms; e.g. 500ms, 30s, 5m, 1h30m, 90d)");
        assertThatThrownBy(() -> Durations.parse("30m1h", "fleets[0].timeout"))
                .hasMessageStartingWith("fleets[0].timeout: '30m1h' repeats a unit or is out of order");
        assertThatThrownBy(() -> Durations.parse("1h1h", "x")).hasMessageContaining("repeats a unit");
        assertThatThrownBy(() -> Durations.parse("5", "x")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> Durations.parse("", "x")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> Durations.parse("1w", "x")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> Durations.parse("99999999999999999999d", "x")).hasMessageContaining("too long");
    }
}
