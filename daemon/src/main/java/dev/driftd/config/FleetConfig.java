package dev.driftd.config;

import dev.driftd.policy.IgnorePolicy;
import dev.driftd.waiver.Waiver;

import java.time.Duration;
import java.util.List;

/**
 * One fleet: its schedule (as written: Quartz cron, Unix cron or "every 5m"; see {@link FleetSchedule}), golden source, concurrency limits, shards (parts swept as
 * separate jobs, possibly on different cluster nodes), apply policy, per-member timeout, how long an
 * unchanged member's snapshot is reused (zero: never), explicit members and discovery rules, and the
 * ignore rules its snapshots are filtered by (the global {@code ignore:} first, then the fleet's own),
 * the waivers declared for its members ({@code waivers:}, read-only through the API) and its overlays
 * (intended per-member additions to golden, in file order).
 */
public record FleetConfig(String name, String schedule, GoldenConfig golden, int concurrency,
                          int perServerConcurrency, int shards, boolean applyEnabled, int approvals,
                          RolloutConfig rollout, Duration timeout, Duration fullSnapshotEvery, List<MemberConfig> members,
                          List<DiscoverConfig> discover, IgnorePolicy ignore, List<Waiver> waivers,
                          List<OverlayConfig> overlays) {
    public static final String DEFAULT_SCHEDULE = "0 */5 * * * ?";
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int DEFAULT_PER_SERVER = 4;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** How long a snapshot may be reused while its member's catalog marker does not change. */
    public static final Duration DEFAULT_FULL_SNAPSHOT_EVERY = Duration.ofHours(1);
    /** Each shard is a Quartz job and a sweep thread; more than this is a typo, not a plan. */
    public static final int MAX_SHARDS = 64;

    public FleetConfig {
        members = List.copyOf(members);
        discover = List.copyOf(discover);
        ignore = ignore == null ? IgnorePolicy.NONE : ignore;
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
        overlays = overlays == null ? List.of() : List.copyOf(overlays);
    }

    /** A fleet without configured waivers or overlays. */
    public FleetConfig(String name, String schedule, GoldenConfig golden, int concurrency, int perServerConcurrency,
                       int shards, boolean applyEnabled, int approvals, RolloutConfig rollout, Duration timeout,
                       Duration fullSnapshotEvery, List<MemberConfig> members, List<DiscoverConfig> discover,
                       IgnorePolicy ignore) {
        this(name, schedule, golden, concurrency, perServerConcurrency, shards, applyEnabled, approvals, rollout, timeout,
                fullSnapshotEvery, members, discover, ignore, List.of(), List.of());
    }

    /** The overlays {@code member} matches, in file order (empty: its expected schema is golden). */
    public List<OverlayConfig> overlaysOf(String member) {
        return overlays.stream().filter(o -> o.matches(member)).toList();
    }

    /** A fleet that ignores nothing. */
    public FleetConfig(String name, String schedule, GoldenConfig golden, int concurrency, int perServerConcurrency,
                       int shards, boolean applyEnabled, int approvals, RolloutConfig rollout, Duration timeout,
                       Duration fullSnapshotEvery, List<MemberConfig> members, List<DiscoverConfig> discover) {
        this(name, schedule, golden, concurrency, perServerConcurrency, shards, applyEnabled, approvals, rollout, timeout,
                fullSnapshotEvery, members, discover, IgnorePolicy.NONE, List.of(), List.of());
    }
}
