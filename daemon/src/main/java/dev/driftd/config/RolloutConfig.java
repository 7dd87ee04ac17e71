package dev.driftd.config;

import java.time.Duration;

/** How plans roll out over a fleet: a canary of {@code canary} members, then waves of {@code wave}, {@code pause} apart. */
public record RolloutConfig(int canary, int wave, Duration pause) {
    public static final RolloutConfig DEFAULT = new RolloutConfig(1, 10, Duration.ofSeconds(60));
}
