package dev.driftd.config;

import java.time.Duration;
import java.util.List;

/**
 * One fleet: its schedule (Quartz cron), golden source, concurrency limits, apply policy, per-member
 * timeout, explicit members and discovery rules.
 */
public record FleetConfig(String name, String schedule, GoldenConfig golden, int concurrency,
                          int perServerConcurrency, boolean applyEnabled, int approvals, RolloutConfig rollout,
                          Duration timeout, List<MemberConfig> members, List<DiscoverConfig> discover) {
    public static final String DEFAULT_SCHEDULE = "0 */5 * * * ?";
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int DEFAULT_PER_SERVER = 4;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public FleetConfig {
        members = List.copyOf(members);
        discover = List.copyOf(discover);
    }
}
