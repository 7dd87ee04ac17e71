package dev.driftd.dialect;

import java.time.Duration;

/** How a plan is written: the lock timeout its session sets. */
public record PlanOptions(Duration lockTimeout) {
    public static final PlanOptions DEFAULT = new PlanOptions(Duration.ofSeconds(10));

    public PlanOptions {
        lockTimeout = lockTimeout == null ? Duration.ofSeconds(10) : lockTimeout;
    }
}
